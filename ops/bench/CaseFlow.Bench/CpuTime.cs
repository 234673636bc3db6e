using System.Globalization;

namespace CaseFlow.Bench;

/// <summary>CPU time (user + system) of processes, read from /proc, to see where each request's work is done.</summary>
public static class CpuTime
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan OfProcess(int pid) => Read($"/proc/{pid}/stat") ?? TimeSpan.Zero;

    /// <summary>All PostgreSQL server processes of the machine together.</summary>
    public static TimeSpan OfPostgres() =>
        Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => (Comm: TryRead(Path.Combine(d, "comm")), Stat: Path.Combine(d, "stat")))
            .Where(p => p.Comm?.Trim() == "postgres")
            .Aggregate(TimeSpan.Zero, (sum, p) => sum + (Read(p.Stat) ?? TimeSpan.Zero));

    private static TimeSpan? Read(string statPath)
    {
        var stat = TryRead(statPath);
        if (stat is null)
            return null;
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
