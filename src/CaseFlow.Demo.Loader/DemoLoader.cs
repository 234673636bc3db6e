using Alba;
using CaseFlow.Demo.Plan;
using CaseFlow.Demo.Year;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Operations;
using CaseFlow.Server.Platform;
using CaseFlow.Server.ReferenceData;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Demo.Loader;

/// <summary>What a load did: the database's state before it, why, and what it wrote.</summary>
public sealed record LoadResult(DemoDatabaseState Before, string Why, long Writes, long Windows, int Lanes, long Events, int DeadlinesDelivered, TimeSpan DeliveringDeadlines);

/// <summary>
/// Loads a demo year into a database: CaseFlow's host in process with the <see cref="SimulatedClock"/> in place of
/// the system clock and <see cref="DeadlinesByLane"/> in place of Wolverine's scheduling, the database checked and
/// marked (<see cref="DemoDatabase"/>), then the plan's writes run by <see cref="DemoLanes"/>.
/// </summary>
public static class DemoLoader
{
    /// <summary>The year's first day, 00:00 UTC.</summary>
    public static readonly DateTimeOffset YearStart = new(DemoSettings.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// How far apart in simulated time case writes may be sent and still go together by default (docs/operations.md,
    /// "A demo database"): an hour keeps every write's lag far inside the late window, and at the national year's
    /// density it stores 42 writes per transaction against 12 with a quarter of an hour: the loader's CPU per event a
    /// fifth lower, the load a quarter shorter (docs/benchmarks.md, "Windows of an hour").
    /// </summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

    /// <param name="watch">Runs beside the load (a progress display) until the load's task completes.</param>
    /// <param name="window">How far apart in simulated time case writes may be and still be sent together (zero: one instant's writes only).</param>
    /// <param name="lanes">How many lanes of cases go side by side (<see cref="DemoLanes"/>).</param>
    public static async Task<LoadResult> Load(string connectionString, IDemoPlan plan, DemoSettings settings, int writers, TimeSpan window,
        Action<IWebHostBuilder>? configure = null, Func<DemoLanes, IDocumentStore, Task, Task>? watch = null, CancellationToken ct = default, int lanes = DemoLanes.Default)
    {
        var agreements = Agreements();
        using var writes = plan.Writes(settings, agreements).GetEnumerator();
        var first = writes.MoveNext() ? writes.Current : null;
        // The clock starts at the first write (governance begins before the year) or the year, whichever is earlier: CaseFlow's agreement seed is stored then.
        var clock = new SimulatedClock(first is not null && first.SentAt < YearStart ? first.SentAt : YearStart);
        var deadlines = new DeadlinesByLane(clock, lanes);
        await using var host = await InProcessHost.Start(connectionString, runProjections: false, x =>
        {
            x.ConfigureServices(s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<MessageScheduler>(deadlines);
            });
            configure?.Invoke(x);
        });
        var store = host.DocumentStore();
        var mark = new DemoMark(settings.Seed, settings.Scale, PlanVersion(plan), Complete: false);
        var (state, why) = await DemoDatabase.Inspect(store, mark, ct);
        if (state != DemoDatabaseState.Empty)
            return new LoadResult(state, why, 0, 0, 0, 0, 0, TimeSpan.Zero);

        await DemoDatabase.Mark(store, mark, ct);
        // The node makes the access log's partitions ahead of its clock once a day, and this clock crosses a year in minutes.
        await AccessLogPartitions.Ensure(host.Services.GetRequiredService<AccessLogDatabase>(), clock.GetUtcNow(),
            YearSchedule.YearEnd.AddMonths(AccessLogPartitions.MonthsAhead), ct);
        var key = Convert.FromBase64String(host.Services.GetRequiredService<IConfiguration>()["Auth:DevelopmentKey"]
            ?? throw new InvalidOperationException("Auth:DevelopmentKey is not set: the loader signs its senders' tokens with it."));
        var load = new DemoLanes(clock, deadlines, new DemoDispatch(host.Server.CreateClient(), key), host.Services, writers, window,
            new TerminationStarts(agreements));
        var running = load.Run(first is null ? [] : Rest(first, writes), ct);
        if (watch is not null)
            await watch(load, store, running);
        await running;
        await DemoDatabase.Mark(store, mark with { Complete = true }, ct);
        return new LoadResult(state, why, load.Sent, load.Windows, load.Lanes, await EventsWritten(store, ct), deadlines.Delivered, deadlines.Spent);
    }

    private static IEnumerable<DemoWrite> Rest(DemoWrite first, IEnumerator<DemoWrite> writes)
    {
        yield return first;
        while (writes.MoveNext())
            yield return writes.Current;
    }

    /// <summary>The events stored besides CaseFlow's agreement seed.</summary>
    public static async Task<long> EventsWritten(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return (await session.AdvancedSql.QueryAsync<long>(
            $"select count(*) from {PersistenceSetup.SchemaName}.mt_events where type <> '{nameof(CaseFlow.Domain.Agreements.AgreementSigned)}'", ct))[0];
    }

    /// <summary>The seeded agreements a plan runs over, in a fixed order.</summary>
    public static List<AgreementSigned> Agreements() => AgreementCatalog.Load().OrderBy(a => a.Ori, StringComparer.Ordinal).ThenBy(a => a.Model).ToList();

    /// <summary>The plan's build: a changed plan is another year.</summary>
    public static string PlanVersion(IDemoPlan plan) =>
        (plan is PlanInChildProcess child ? child.Plan : plan).GetType().Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
}
