using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Soak;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace CaseFlow.Bench;

/// <summary>
/// Batch intake: the same events (per case a booking, then release dates) sent to CaseFlow's POST /api/events/batch in
/// batches of the given sizes, and appended by Marten directly in sessions of the same sizes on the same database;
/// events/s, peak memory and the ratio. One client, batches sent one after another, as an offline jail would. Both
/// paths are warmed up first (a node that has served a few thousand events still compiles its hot code), then
/// alternate, and each phase starts once CaseFlow's projections have caught up: neither is timed against the other's
/// background work. The rates vary between rounds by up to a factor of two on this machine, so medians are printed.
/// </summary>
public static class BatchLoad
{
    public static async Task<int> Run(string[] args)
    {
        var options = args.Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
        var caseflow = new Uri(options["caseflow"]);
        var cases = int.Parse(options.GetValueOrDefault("cases", "100"), CultureInfo.InvariantCulture);
        var perCase = int.Parse(options.GetValueOrDefault("events-per-case", "10"), CultureInfo.InvariantCulture);
        var serverPid = int.Parse(options["server-pid"], CultureInfo.InvariantCulture);
        var postmaster = int.Parse(options.GetValueOrDefault("postgres-pid", "0"), CultureInfo.InvariantCulture);
        using var store = DocumentStore.For(o =>
        {
            o.Connection(options["connection"]);
            o.DatabaseSchemaName = "bench_direct";
            o.Events.StreamIdentity = StreamIdentity.AsGuid;
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options["token"]);
        await using var database = NpgsqlDataSource.Create(options["connection"]);
        var warmupDays = int.Parse(options.GetValueOrDefault("warmup-days", "10"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(options.GetValueOrDefault("rounds", "7"), CultureInfo.InvariantCulture);

        Console.WriteLine($"each row: {warmupDays} days of {cases * perCase} events through both paths to warm them up, then {rounds} rounds of a day through CaseFlow "
            + "(timed), its projections' catch-up (waited for, in its CPU) and a day appended directly (timed); medians of the rounds");
        Console.WriteLine("| batch size | cases | events per day | CaseFlow events/s | Marten direct events/s | ratio | CaseFlow events/s, rounds | Marten direct events/s, rounds "
            + "| CaseFlow p50 batch ms | direct p50 batch ms | CaseFlow service CPU ms/event | PostgreSQL CPU ms/event (CaseFlow's part) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var size in options.GetValueOrDefault("batch-sizes", "100,500").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            Task<Timed> ViaCaseFlow() => Time(Day(cases, perCase), size, batch => PostBatch(http, caseflow, batch));
            Task<Timed> Directly() => Time(Day(cases, perCase), size, batch => AppendDirectly(store, batch));
            for (var day = 0; day < warmupDays; day++)
            {
                await ViaCaseFlow();
                await CaughtUp(database);
                await Directly();
            }

            var (measured, direct, serverCpu, postgresCpu) = (new List<Timed>(), new List<Timed>(), TimeSpan.Zero, TimeSpan.Zero);
            for (var round = 0; round < rounds; round++)
            {
                var (server, postgres) = (CpuTime.OfProcess(serverPid), CpuTime.PostgresProcesses(postmaster));
                measured.Add(await ViaCaseFlow());
                await CaughtUp(database);
                serverCpu += CpuTime.OfProcess(serverPid) - server;
                postgresCpu += CpuTime.Between(postgres, CpuTime.PostgresProcesses(postmaster));
                direct.Add(await Directly());
            }

            var events = (double)cases * perCase * rounds;
            var (serverMs, postgresMs) = (serverCpu.TotalMilliseconds / events, postgresCpu.TotalMilliseconds / events);
            var (caseflowRate, directRate) = (Median(measured.Select(t => t.EventsPerSecond)), Median(direct.Select(t => t.EventsPerSecond)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size} | {cases} | {cases * perCase} | {caseflowRate:0} | {directRate:0} | {caseflowRate / directRate:0.00} | {Rates(measured)} | {Rates(direct)} "
                + $"| {Median(measured.SelectMany(t => t.BatchMs)):0} | {Median(direct.SelectMany(t => t.BatchMs)):0} | {serverMs:0.00} | {postgresMs:0.00} |"));
        }

        Console.WriteLine($"peak resident memory (VmHWM): CaseFlow service {Peak(serverPid)} MiB; this driver, which ran Marten's direct appends, {Peak(Environment.ProcessId)} MiB");
        return 0;
    }

    /// <summary>Waits until CaseFlow's asynchronous projections have passed its last event, so its catch-up is not timed against the next phase.</summary>
    private static async Task CaughtUp(NpgsqlDataSource database)
    {
        const string behind = "select coalesce((select max(seq_id) from caseflow.mt_events), 0) - coalesce((select min(last_seq_id) from caseflow.mt_event_progression where name not like 'HighWater%'), 0)";
        var deadline = Stopwatch.StartNew();
        while (Convert.ToInt64(await database.CreateCommand(behind).ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
                throw new InvalidOperationException("CaseFlow's projections did not catch up within 2 minutes.");
            await Task.Delay(20);
        }
    }

    private sealed record Timed(double EventsPerSecond, IReadOnlyList<double> BatchMs);

    private static string Rates(IEnumerable<Timed> rounds) => string.Join(" ", rounds.Select(t => t.EventsPerSecond.ToString("0", CultureInfo.InvariantCulture)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private sealed record PlannedEvent(Guid CaseId, string BookingNumber, CaseEvent Event, DateTimeOffset At);

    /// <summary>Per case its booking, then release dates; ordered step by step across cases, as a jail's buffer fills.</summary>
    private static List<PlannedEvent> Day(int cases, int perCase)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-20);
        var bookings = Enumerable.Range(0, cases).Select(_ => $"BATCH-{Guid.NewGuid():N}"[..24]).ToList();
        return Enumerable.Range(0, perCase).SelectMany(step => bookings.Select((number, c) =>
        {
            var caseId = CaseId.For(BookingBodies.Ori, number);
            var at = start.AddMinutes(step * 60 + c);
            CaseEvent e = step == 0
                ? new BookingRecorded(caseId, BookingBodies.Ori, ProgramModel.JEM, number, at.AddMinutes(-30), [new Charge("TX PC 49.04", "DWI", ChargeLevel.Misdemeanor)], null,
                    CaseId.SubjectRefFor(caseId), Guid.Empty, "HOU", "America/Chicago")
                : new ScheduledReleaseSet(at.AddDays(step), "court date moved");
            return new PlannedEvent(caseId, number, e, at);
        })).ToList();
    }

    private static async Task<Timed> Time(List<PlannedEvent> day, int size, Func<PlannedEvent[], Task> send)
    {
        var durations = new List<double>();
        var clock = Stopwatch.StartNew();
        foreach (var batch in day.Chunk(size))
        {
            var started = Stopwatch.GetTimestamp();
            await send(batch);
            durations.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Timed(day.Count / clock.Elapsed.TotalSeconds, durations);
    }

    private static async Task PostBatch(HttpClient http, Uri caseflow, PlannedEvent[] batch)
    {
        var body = new
        {
            events = batch.Select(p => p.Event is BookingRecorded b
                ? (object)new
                {
                    eventId = Guid.NewGuid(), occurredAt = Instant(p.At), late = true,
                    data = new
                    {
                        model = "JEM", bookingNumber = b.BookingNumber, bookedAt = Instant(b.BookedAt),
                        charges = new[] { new { code = "TX PC 49.04", description = "DWI", level = "Misdemeanor" } },
                        subject = new { name = new { given = "Bench", family = "Subject" }, dateOfBirth = "1990-01-01" },
                    },
                }
                : new { eventId = Guid.NewGuid(), type = "ScheduledReleaseSet", caseId = p.CaseId, occurredAt = Instant(p.At), late = true, data = new { at = Instant(((ScheduledReleaseSet)p.Event).At), reason = "court date moved" } }),
        };
        using var response = await http.PostAsJsonAsync(new Uri(caseflow, "/api/events/batch"), body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || text.Contains("\"refused\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"The batch was not applied: {(int)response.StatusCode} {text[..Math.Min(400, text.Length)]}");
    }

    private static async Task AppendDirectly(IDocumentStore store, PlannedEvent[] batch)
    {
        await using var session = store.LightweightSession();
        foreach (var p in batch)
        {
            if (p.Event is BookingRecorded)
                session.Events.StartStream(p.CaseId, p.Event);
            else
                session.Events.Append(p.CaseId, p.Event);
        }

        await session.SaveChangesAsync();
    }

    private static string Instant(DateTimeOffset value) => BookingBodies.Instant(value);

    private static long Peak(int pid) => (long)MemorySample.Read(pid, TimeSpan.Zero).PeakMiB;
}
