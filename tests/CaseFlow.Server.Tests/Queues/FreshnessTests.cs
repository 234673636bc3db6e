using System.Diagnostics.Metrics;
using Alba;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using Marten;
using Wolverine;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Queues;

/// <summary>
/// A queue that trails the writes says so: a read that names a position the queues have not reached waits, bounded,
/// then answers what there is with <c>stale: true</c>; the lag is a metric and turns readiness Degraded, not Unhealthy.
/// </summary>
public class FreshnessTests(AppFixture app)
{
    [Fact]
    public async Task with_the_projecting_node_gone_a_read_waits_for_its_write_then_answers_stale_and_readiness_is_degraded()
    {
        await using var database = await OwnDatabase.Create(app, "queue_freshness");
        var jail = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);
        var supervisor = app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU");
        var projecting = await database.StartNode();
        var first = await projecting.StartCaseWith(jail, Envelopes.Booking(Envelopes.NewBookingNumber()));
        await projecting.QueuesHaveApplied(first);
        await projecting.StopAsync(TestContext.Current.CancellationToken);
        await projecting.DisposeAsync();
        await using var api = await database.StartNode(projections: false, configure: x =>
        {
            x.UseSetting("Queues:FreshnessWait", "00:00:00.300");
            x.UseSetting("Queues:LagDegradedAfter", "00:00:00");
        });

        var written = await api.PostBooking(jail, Envelopes.Booking(Envelopes.NewBookingNumber())).Position();
        var page = await api.Queue<ReviewQueueItem>(supervisor, "review", $"position={written}");
        var current = await api.Queue<ReviewQueueItem>(supervisor, "review", $"position={written - 1}");

        page.Stale.ShouldBeTrue();
        page.Position.ShouldBeLessThan(written);
        current.Stale.ShouldBeFalse();
        (await api.Queue<ReviewQueueItem>(supervisor, "review", "position=999999999")).Stale.ShouldBeTrue();
        var ready = await api.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBeOk();
        });
        (await ready.ReadAsTextAsync()).ShouldBe("Degraded");
        Lag(api).ShouldContain(($"{CaseReadModels.Name}:All", 1L));
    }

    [Fact]
    public async Task a_shard_that_never_ran_reports_the_whole_event_store_as_its_lag_and_readiness_is_degraded()
    {
        await using var database = await OwnDatabase.Create(app, "queue_never_ran");
        // A node that registers the asynchronous projections but runs no agents: its shards never start.
        await using var node = await database.StartNode(configure: x =>
        {
            x.UseSetting("Queues:LagDegradedAfter", "00:00:00");
            x.ConfigureServices(s => s.ConfigureWolverine(o => o.Durability.Mode = DurabilityMode.Serverless));
        });
        var caseId = await node.StartCaseWith(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend), Envelopes.Booking(Envelopes.NewBookingNumber()));
        await using var session = node.DocumentStore().QuerySession();
        var head = (await session.Events.FetchStreamAsync(caseId, token: TestContext.Current.CancellationToken)).Single().Sequence;
        var shard = $"{CaseReadModels.Name}:All";

        (await node.DocumentStore().Advanced.AllProjectionProgress(token: TestContext.Current.CancellationToken)).Select(p => p.ShardName).ShouldNotContain(shard);
        var ready = await node.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBeOk();
        });
        (await ready.ReadAsTextAsync()).ShouldBe("Degraded");
        Lag(node).ShouldContain((shard, head));
    }

    /// <summary>The lag gauges as a metrics exporter reads them: the events each shard has not applied.</summary>
    private static List<(string Shard, long Events)> Lag(IAlbaHost node)
    {
        var measured = new List<(string, long)>();
        var meters = node.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "caseflow.projection.lag.events")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => measured.Add(((string)tags[0].Value!, value)));
        listener.Start();
        listener.RecordObservableInstruments();
        return measured;
    }
}
