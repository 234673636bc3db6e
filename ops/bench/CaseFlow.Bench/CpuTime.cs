using System.Globalization;

namespace CaseFlow.Bench;

/// <summary>CPU time (user + system) of processes, read from /proc, to see where each request's work is done.</summary>
public static class CpuTime
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan OfProcess(int pid) => Read($"/proc/{pid}/stat") ?? TimeSpan.Zero;

    /// <summary>
    /// The PostgreSQL cluster whose postmaster is <paramref name="postmaster"/>, its processes together (the machine is
    /// shared: another engineer's cluster is not counted); 0 counts every PostgreSQL process of the machine.
    /// </summary>
    public static TimeSpan OfPostgres(int postmaster) => PostgresProcesses(postmaster).Values.Aggregate(TimeSpan.Zero, (sum, cpu) => sum + cpu);

    /// <summary>The same per process: a difference of two of these survives a backend that exits in between (its time is then left out).</summary>
    public static IReadOnlyDictionary<int, TimeSpan> PostgresProcesses(int postmaster) =>
        Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => (Pid: int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture), Comm: TryRead(Path.Combine(d, "comm")), Stat: TryRead(Path.Combine(d, "stat"))))
            .Where(p => p.Comm?.Trim() == "postgres" && p.Stat is not null && (postmaster == 0 || p.Pid == postmaster || ParentOf(p.Stat) == postmaster))
            .ToDictionary(p => p.Pid, p => Ticks(p.Stat!));

    public static TimeSpan Between(IReadOnlyDictionary<int, TimeSpan> before, IReadOnlyDictionary<int, TimeSpan> after) =>
        after.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Value - before.GetValueOrDefault(p.Key));

    private static TimeSpan? Read(string statPath) => TryRead(statPath) is { } stat ? Ticks(stat) : null;

    // Fields after the parenthesised command name: the parent is field 4 of the whole line, utime and stime 14 and 15.
    private static string[] FieldsOf(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

    private static int ParentOf(string stat) => int.Parse(FieldsOf(stat)[1], CultureInfo.InvariantCulture);

    private static TimeSpan Ticks(string stat)
    {
        var fields = FieldsOf(stat);
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
