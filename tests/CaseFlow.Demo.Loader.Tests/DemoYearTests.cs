using CaseFlow.Demo.Plan;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Reports;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Demo.Loader.Tests;

/// <summary>
/// The demo year itself (CaseFlow.Demo's plan, made in a child process as the loader runs it) at a small scale, loaded and then served: every write is accepted, the
/// monthly reports of FY2026 count what the year wrote, the supervisors' queues hold work and every case's chain verifies.
/// Loaded again into another database, the same seed stores the same events in every stream, although the loader's
/// lanes of cases go side by side at whatever pace each gets.
/// </summary>
public sealed class DemoYearTests
{
    private const string Schema = PersistenceSetup.SchemaName;

    // The report counts in the agency's local month; so does this, through the case's time zone. A voided lodging no longer counts.
    private const string InTheYear = "between '2025-10-01' and '2026-09-30'";

    private static readonly (string Measure, string Sql)[] CountedDirectly =
    [
        ("holdsExpiredWithoutPickup", $"""
            select count(*) from {Schema}.mt_events e join {Schema}.mt_doc_casefile c on c.id = e.stream_id
            where e.type = 'HoldExpired' and ((e.data ->> 'at')::timestamptz at time zone (c.data ->> 'timeZone'))::date {InTheYear}
            """),
        ("detainersLodged", $"""
            select count(*) from {Schema}.mt_events e join {Schema}.mt_doc_casefile c on c.id = e.stream_id
            where e.type = 'DetainerLodged' and ((e.data ->> 'lodgedAt')::timestamptz at time zone (c.data ->> 'timeZone'))::date {InTheYear}
              and not exists (select 1 from {Schema}.mt_events v where v.type = 'EventVoided' and (v.data ->> 'voidedEventId')::uuid = e.id)
            """),
    ];

    // Every stream's events with their ids, data and stored instants, in the stream's order (not the global sequence's).
    private const string StreamsDigest = $"select md5(string_agg(concat_ws('|', stream_id, version, id, type, data::text, timestamp), E'\\n' order by stream_id, version)) from {Schema}.mt_events";

    [Fact]
    public async Task at_a_small_scale_the_reports_count_what_the_year_wrote_the_queues_hold_work_every_chain_verifies_and_the_seed_loads_the_same_again()
    {
        await using var database = await DemoTestDatabase.Create();
        var loaded = await Load(database);
        loaded.Before.ShouldBe(DemoDatabaseState.Empty);
        // Every access record in its month's partition, where retention finds it (ops/expire-access-log), none in the default one.
        (await database.Scalar<long>("select count(*) from caseflow_audit.access_log")).ShouldBeGreaterThan(0);
        (await database.Scalar<long>("select count(*) from caseflow_audit.access_log where tableoid = 'caseflow_audit.access_log_default'::regclass")).ShouldBe(0);
        await using (var again = await DemoTestDatabase.Create())
        {
            (await Load(again)).Events.ShouldBe(loaded.Events);
            (await again.Scalar<string>(StreamsDigest)).ShouldBe(await database.Scalar<string>(StreamsDigest));
        }

        // Caught up as ./ops/run --demo catches up (a rebuild's pages), and then read as a node reads.
        await using var node = await DemoCatchUp.Run(database.ConnectionString, DemoTestDatabase.Configure);
        var store = node.Services.GetRequiredService<IDocumentStore>();
        var reports = node.Services.GetRequiredService<MonthlyReports>();
        await using var session = store.QuerySession();
        var national = new List<IReadOnlyList<CaseFlow.Domain.Reports.ReportFigure>>();
        for (var month = DemoSettings.FirstDay; month <= DemoSettings.LastDay; month = month.AddMonths(1))
            national.Add((await reports.Draft(month, null, session, TestContext.Current.CancellationToken)).National);

        foreach (var (measure, sql) in CountedDirectly)
        {
            var monthly = national.Select(figures => figures.Single(f => f.Measure == measure)).ToList();
            var events = await database.Scalar<long>(sql);
            events.ShouldBeGreaterThan(0, measure);
            monthly.Sum(f => f.Month).ShouldBe((int)events, measure);
            monthly[^1].FiscalYearToDate.ShouldBe((int)events, measure);
        }

        // At this scale a queue may be empty; together they hold the year's open work.
        var queues = string.Join(" or ", new[] { SupervisorQueues.Review.Column, SupervisorQueues.Detainers.Column, SupervisorQueues.Deadlines.Column, SupervisorQueues.Claims.Column }
            .Select(column => $"{column} is not null"));
        (await database.Scalar<long>($"select count(*) from {Schema}.mt_doc_casequeuerow where {queues}")).ShouldBeGreaterThan(0);

        var chains = node.Services.GetRequiredService<ChainVerifier>();
        var cases = await session.Query<CaseFile>().Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
        cases.Count.ShouldBeGreaterThan(0);
        foreach (var caseId in cases)
            (await chains.Verify(caseId, TestContext.Current.CancellationToken)).Intact.ShouldBeTrue(caseId.ToString());
    }

    private static Task<LoadResult> Load(DemoTestDatabase database) =>
        DemoLoader.Load(database.ConnectionString, new PlanInChildProcess(DemoPlans.TheYear()), new DemoSettings(1, 0.002), writers: 8, DemoLoader.DefaultWindow,
            DemoTestDatabase.Configure, ct: TestContext.Current.CancellationToken);
}
