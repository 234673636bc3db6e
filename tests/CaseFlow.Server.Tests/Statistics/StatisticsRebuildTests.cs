using System.Text.Json;
using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Statistics;
using CaseFlow.Server.Tests.Infrastructure;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;

namespace CaseFlow.Server.Tests.Statistics;

/// <summary>
/// Over a generated set of cases in a database of the test's own: the statistics agree with the case summaries and the
/// queues' read model for the same cases, and rebuilding the case read models from empty (the daemon's own rebuild, its
/// writes deferred and flushed a few cases at a time, so that cases are written in several flushes) gives exactly the
/// live answer.
/// </summary>
public class StatisticsRebuildTests(AppFixture app)
{
    private const int Cases = 120;

    /// <summary>Far below the cases' number: the rebuild flushes about 17 times, and a case with events on both sides of a flush is written again.</summary>
    private const int FlushThreshold = 7;

    [Fact]
    public async Task the_figures_agree_with_the_summaries_and_queues_and_a_rebuild_from_empty_equals_live()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await OwnDatabase.Create(app, "stats");
        var analyst = app.Tokens.For(Roles.Analyst, subject: "analyst-rebuild");
        string live;
        await using (var node = await database.StartNode())
        {
            var west = await SyntheticAgencies.Sign(node.DocumentStore(), StatisticsScenario.Pacific, ProgramModel.JEM);
            var east = await SyntheticAgencies.Sign(node.DocumentStore(), StatisticsScenario.Eastern, ProgramModel.JEM);
            var ids = await GeneratedCases.Append(node.DocumentStore(),
                [(west, StatisticsScenario.FieldOffice, StatisticsScenario.Pacific.TimeZone), (east, StatisticsScenario.FieldOffice, StatisticsScenario.Eastern.TimeZone)], Cases, seed: 16);
            await node.StatisticsHaveApplied([.. ids]);
            await node.QueuesHaveApplied([.. ids]);

            live = await (await node.GetAs(analyst, "/api/statistics/national?fy=2026")).ReadAsTextAsync();
            var answer = JsonSerializer.Deserialize<StatisticsAnswer>(live, ServerJson.Options)!;
            await using var session = node.DocumentStore().QuerySession();
            var summaries = await session.Query<CaseFile>().ToListAsync(ct);
            var queueCases = (await session.Query<CaseQueueRow>().ToListAsync(ct)).Select(r => r.Case).ToList();
            summaries.Count.ShouldBe(Cases);
            foreach (var cases in new[] { summaries, queueCases })
            {
                answer.Total.BookingsReferred.ShouldBe(cases.Count);
                answer.Total.BookingsScreened.ShouldBe(cases.Count(c => c.ScreeningOpenedAt is not null));
                answer.Total.Encounters.ShouldBe(cases.Count(c => EncounterPolicy.Of(c).FiscalYear == 2026));
                answer.Total.DetainersLodged.ShouldBe(cases.Count(c => c.Detainer?.LodgedAt is not null));
                answer.Total.DetainersByCriminality.Sum(k => k.Count).ShouldBe(answer.Total.DetainersLodged);
                answer.Total.CitizenshipClaims.ShouldBe(cases.Count(c => c.ClaimAssertedAt is not null));
                answer.Total.CitizenshipClaimsResolved.ShouldBe(cases.Count(c => c.ClaimAssertedAt is not null && c.ClaimOutcome is not null));
                answer.Total.Releases.ShouldBe(cases.Count(c => c.ReleasedAt is not null));
                answer.Total.CustodyTransfers.ShouldBe(cases.Count(c => c.TransferredToIceAt is not null));
                foreach (var month in answer.Months)
                    month.BookingsReferred.ShouldBe(cases.Count(c => StatisticsCalendar.Name(StatisticsCalendar.MonthOf(c.BookedAt, c.TimeZone)) == month.Period), month.Period);
            }

            answer.Total.BookingsReferred.ShouldBe(answer.Months.Sum(m => m.BookingsReferred));
            answer.Total.SupervisoryReviews.ShouldBeGreaterThan(0, "the generated set must exercise the durations");
            (await StatisticsCellsTests.CellsApart(node.DocumentStore())).ShouldBe(0, "the cells follow the rows through voids and amendments");
        }

        // A new node on the same events; its own agent starts caught up, so only the rebuild writes rows.
        await using var api = await database.StartNode(configure: x => x.ConfigureServices(s => s.ConfigureMarten(opts =>
            opts.Projections.All.OfType<ProjectionBase>().Single(p => p.Name == CaseReadModels.Name).Options.RebuildFlushThreshold = FlushThreshold)));
        var store = api.DocumentStore();
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(CaseQueueRow), ct);
        await using (var session = store.QuerySession())
            (await session.Query<CaseQueueRow>().CountAsync(ct)).ShouldBe(0);
        (await StatisticsCellsTests.CellsApart(store)).ShouldBe(0, "the rows' deletion took their facts out of the cells");
        using (var daemon = await store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(CaseReadModels.Name, TimeSpan.FromMinutes(2), ct);

        var rebuilt = await (await api.GetAs(analyst, "/api/statistics/national?fy=2026")).ReadAsTextAsync();
        rebuilt.ShouldBe(live);
        (await StatisticsCellsTests.CellsApart(store)).ShouldBe(0, "a rebuild starts the cells from nothing");
    }

    [Fact]
    public async Task an_officer_s_row_takes_the_agency_s_zone_from_its_agreement_s_events_when_a_rebuild_has_emptied_the_agreements()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await OwnDatabase.Create(app, "officerzone");
        await using var node = await database.StartNode(projections: false);
        var store = node.DocumentStore();
        var ori = await SyntheticAgencies.Sign(store, StatisticsScenario.Pacific, ProgramModel.WSO);
        await GeneratedOfficers.Append(store, [(ori, StatisticsScenario.FieldOffice, StatisticsScenario.Pacific.TimeZone)], count: 3, seed: 20);

        // As a rebuild of every projection at once does: the agreements' documents are gone while the officers' rows are folded.
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(Agreement), ct);
        using (var daemon = await store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(OfficerStatisticsProjection.ProjectionName, TimeSpan.FromMinutes(2), ct);

        await using var session = store.QuerySession();
        (await session.Query<OfficerStatisticsRow>().Select(r => r.TimeZone).ToListAsync(ct)).ShouldBe(Enumerable.Repeat(StatisticsScenario.Pacific.TimeZone, 3));
    }
}
