using System.Globalization;
using Npgsql;

namespace CaseFlow.Corpus;

/// <summary>
/// Where a measured phase's time went inside PostgreSQL and below it: every 50 ms, what CaseFlow's active backends
/// (the application role's sessions but this one) were waiting for (<c>pg_stat_activity</c>; no wait is CPU), and
/// whether an autovacuum worker ran; and the megabytes the machine's disks read meanwhile (<c>/sys/block/*/stat</c>).
/// On a store larger than memory a read that misses the operating system's cache waits on <c>IO:DataFileRead</c> and
/// shows as disk reads; a run whose tail grows without either waited for something else.
/// </summary>
public sealed class WaitSampler(string connection)
{
    private const string Sample = """
        select coalesce(wait_event_type || ':' || wait_event, 'CPU') from pg_stat_activity
        where usename = current_user and state = 'active' and pid <> pg_backend_pid()
        union all select 'autovacuum' from pg_stat_activity where backend_type = 'autovacuum worker'
        """;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Samples until <paramref name="phase"/> ends, then says what was seen, e.g. <c>CPU 61%, IO:DataFileRead 35%; autovacuum 0%; disk 212 MB</c>.</summary>
    public async Task<string> During(Task phase)
    {
        var counts = new Dictionary<string, int>();
        int samples = 0, busy = 0, vacuuming = 0;
        var diskBefore = DiskSectorsRead();
        await using var source = NpgsqlDataSource.Create(connection);
        await using var db = await source.OpenConnectionAsync();
        while (!phase.IsCompleted)
        {
            await using (var command = new NpgsqlCommand(Sample, db))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                var seen = new List<string>();
                while (await reader.ReadAsync())
                    seen.Add(reader.GetString(0));
                samples++;
                vacuuming += seen.Contains("autovacuum") ? 1 : 0;
                var waits = seen.Where(s => s != "autovacuum").ToList();
                busy += waits.Count;
                foreach (var wait in waits)
                    counts[wait] = counts.GetValueOrDefault(wait) + 1;
            }

            await Task.WhenAny(phase, Task.Delay(Interval));
        }

        await phase;
        var top = counts.OrderByDescending(c => c.Value).Take(4).Select(c => $"{c.Key} {100.0 * c.Value / busy:0}%");
        var megabytes = (DiskSectorsRead() - diskBefore) * 512 / 1e6;
        return string.Create(CultureInfo.InvariantCulture,
            $"{(busy == 0 ? "idle" : string.Join(", ", top))}; autovacuum {100.0 * vacuuming / Math.Max(samples, 1):0}%; disk {megabytes:0} MB");
    }

    /// <summary>Sectors (512 bytes) read so far by the machine's whole disks (the third field of each <c>/sys/block/DEV/stat</c>), loop and RAM devices (ram, zram) left out.</summary>
    private static long DiskSectorsRead() =>
        Directory.GetDirectories("/sys/block")
            .Where(dir => !Path.GetFileName(dir).StartsWith("loop", StringComparison.Ordinal) && !Path.GetFileName(dir).Contains("ram", StringComparison.Ordinal))
            .Select(dir => Path.Combine(dir, "stat"))
            .Where(File.Exists)
            .Sum(stat => long.Parse(File.ReadAllText(stat).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture));
}
