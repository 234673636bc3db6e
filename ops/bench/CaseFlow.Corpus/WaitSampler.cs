using System.Globalization;
using Npgsql;

namespace CaseFlow.Corpus;

/// <summary>
/// Where a measured phase's time went inside PostgreSQL and below it: every 50 ms, what CaseFlow's active backends
/// (the application role's sessions but this one) were waiting for (<c>pg_stat_activity</c>; no wait is CPU), and
/// whether an autovacuum worker ran; the megabytes the machine's disks read meanwhile (<c>/sys/block/*/stat</c>); and
/// how busy the machine's cores were (<c>/proc/stat</c>: all of its processes, the driver's included). On a store
/// larger than memory a read that misses the operating system's cache waits on <c>IO:DataFileRead</c> and shows as
/// disk reads; a tail that grows without either, on cores near 100 % busy, is requests queueing for a core.
/// </summary>
public sealed class WaitSampler(string connection)
{
    private const string Sample = """
        select coalesce(wait_event_type || ':' || wait_event, 'CPU') from pg_stat_activity
        where usename = current_user and state = 'active' and pid <> pg_backend_pid()
        union all select 'autovacuum' from pg_stat_activity where backend_type = 'autovacuum worker'
        """;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Samples until <paramref name="phase"/> ends, then says what was seen, e.g. <c>CPU 61%, IO:DataFileRead 35%; autovacuum 0%; disk 212 MB; cores 87% busy</c>.</summary>
    public async Task<string> During(Task phase)
    {
        var counts = new Dictionary<string, int>();
        int samples = 0, busy = 0, vacuuming = 0;
        var diskBefore = DiskSectorsRead();
        var coresBefore = CoreTicks();
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
        var coresAfter = CoreTicks();
        var cores = 100.0 * (coresAfter.Busy - coresBefore.Busy) / Math.Max(coresAfter.Total - coresBefore.Total, 1);
        return string.Create(CultureInfo.InvariantCulture,
            $"{(busy == 0 ? "idle" : string.Join(", ", top))}; autovacuum {100.0 * vacuuming / Math.Max(samples, 1):0}%; disk {megabytes:0} MB; cores {cores:0}% busy");
    }

    /// <summary>The machine's CPU time so far over all cores (the first line of <c>/proc/stat</c>): busy, and in all (idle and I/O wait included).</summary>
    private static (long Busy, long Total) CoreTicks()
    {
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var total = ticks.Sum();
        return (total - ticks[3] - ticks[4], total); // user nice system idle iowait irq softirq steal
    }

    /// <summary>Sectors (512 bytes) read so far by the machine's whole disks (the third field of each <c>/sys/block/DEV/stat</c>), loop and RAM devices (ram, zram) left out.</summary>
    private static long DiskSectorsRead() =>
        Directory.GetDirectories("/sys/block")
            .Where(dir => !Path.GetFileName(dir).StartsWith("loop", StringComparison.Ordinal) && !Path.GetFileName(dir).Contains("ram", StringComparison.Ordinal))
            .Select(dir => Path.Combine(dir, "stat"))
            .Where(File.Exists)
            .Sum(stat => long.Parse(File.ReadAllText(stat).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture));
}
