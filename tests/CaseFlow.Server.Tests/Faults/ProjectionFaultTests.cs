using System.Diagnostics.Metrics;
using Alba;
using CaseFlow.Server.Feed;
using CaseFlow.Server.Operations;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// A real fault in one projection: the database refuses the feed row that one case's detainer produces (a CHECK
/// constraint a superuser adds, as a bad migration or a hand edit would). The feed stops at that event visibly and
/// passes nothing after it while the queues go on; with the constraint gone it resumes from that very event, and
/// its read model then equals a rebuild.
/// </summary>
public sealed class ProjectionFaultTests(AppFixture app) : IAsyncLifetime
{
    private const string Constraint = "fault_refuses_one_case";

    private string Admin => app.Tokens.For(Roles.Admin);

    private OwnNode _own = null!;

    public async ValueTask InitializeAsync() => _own = await OwnNode.Start(app, "projection_fault");

    public ValueTask DisposeAsync() => _own.DisposeAsync();

    [Fact]
    public async Task the_feed_stops_at_the_event_it_cannot_store_passes_nothing_after_it_and_resumes_from_it_once_fixed()
    {
        var ct = TestContext.Current.CancellationToken;
        var refused = await _own.Cases.CaseWithWarrant();
        await using var stopped = await CommitSignal.Listen(_own.Database, "feed_stopped", $"{PersistenceSetup.SchemaName}.mt_event_progression",
            $"new.name like '{FeedProjection.Name}%' and (new.agent_status = 'Paused' or new.failure_category is not null)");
        await Superuser($"alter table {PersistenceSetup.SchemaName}.mt_doc_feedentry add constraint {Constraint} check (data ->> 'caseId' <> '{refused}')");
        var badSequence = await _own.Cases.LodgeDetainer(refused);
        var later = await _own.Cases.CaseWithWarrant();
        await _own.Cases.LodgeDetainer(later);

        // The other projections go on past the event, so the high-water mark (which the daemon records before any
        // projection may pass it) is past it too; the feed passes nothing after it.
        await _own.Node.QueuesHaveApplied(refused, later);
        // Stopped before the event, not past it: the database refused the batch holding it, so no single event is named.
        var feed = await StoppedFeed(stopped);
        feed.LastSequence.ShouldBeLessThan(badSequence);
        feed.HighWaterMark.ShouldBeGreaterThan(badSequence);
        feed.PauseReason.ShouldNotBeNull();
        (await (await _own.Node.Scenario(s => s.Get.Url("/health/ready"))).ReadAsTextAsync()).ShouldBe("Degraded");
        StoppedGauge(feed.Name).ShouldBe(1);
        (await FeedCases(ct)).ShouldBeEmpty();

        // Fixed: the node starts the shard again by itself (StoppedShardRetry), from the refused event on.
        await using var running = await CommitSignal.Listen(_own.Database, "feed_running", $"{PersistenceSetup.SchemaName}.mt_event_progression",
            $"new.name like '{FeedProjection.Name}%' and new.agent_status is distinct from 'Paused' and new.failure_category is null");
        await Superuser($"alter table {PersistenceSetup.SchemaName}.mt_doc_feedentry drop constraint {Constraint}");
        await _own.Node.FeedHasApplied(refused, later);
        await RunningFeed(running);

        (await FeedCases(ct)).ShouldBe([refused, later]);
        (await (await _own.Node.Scenario(s => s.Get.Url("/health/ready"))).ReadAsTextAsync()).ShouldBe("Healthy");
        StoppedGauge(feed.Name).ShouldBe(0);
        var live = await FeedEntries(ct);
        using (var daemon = await _own.Node.DocumentStore().BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(FeedProjection.Name, TimeSpan.FromMinutes(2), ct);
        (await FeedEntries(ct)).ShouldBe(live);
    }

    /// <summary>
    /// The feed's shard as operators list it, once it has stopped: the daemon records the stop in its progression row
    /// after it pauses the shard, so the test waits for that row's commit, which the listing reads.
    /// </summary>
    private async Task<ShardStatus> StoppedFeed(CommitSignal stopped)
    {
        var feed = await FeedShard();
        if (!feed.Stopped)
        {
            (await stopped.Committed(TimeSpan.FromMinutes(2))).ShouldNotBeNull("the feed's shard was not recorded as stopped within two minutes");
            feed = await FeedShard();
        }

        feed.Stopped.ShouldBeTrue();
        return feed;
    }

    /// <summary>
    /// Once the feed has applied events again: the daemon records that the shard runs with its next heartbeat, apart
    /// from the progress it signals, so readiness (which reads the progression row) may still see it stopped until
    /// that row's commit. Each commit that may have cleared the stop is looked at; a retry that failed again before the
    /// fix wrote one too.
    /// </summary>
    private async Task RunningFeed(CommitSignal running)
    {
        while ((await FeedShard()).Stopped)
            (await running.Committed(TimeSpan.FromMinutes(2))).ShouldNotBeNull("the feed's shard was not recorded as running within two minutes");
    }

    private async Task<ShardStatus> FeedShard()
    {
        var shards = await (await _own.Node.GetAs(Admin, "/api/operations/projections")).ReadAsJsonAsync<List<ShardStatus>>();
        return shards.Single(s => s.Name.StartsWith(FeedProjection.Name, StringComparison.Ordinal));
    }

    /// <summary>The node's own <c>caseflow.projection.stopped</c> gauge for the shard, after readiness sampled it.</summary>
    private int StoppedGauge(string shard)
    {
        var factory = _own.Node.Services.GetRequiredService<IMeterFactory>();
        int? value = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == "caseflow.projection.stopped")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, measurement, tags, _) =>
        {
            foreach (var (key, name) in tags)
                if (key == "shard" && (string?)name == shard)
                    value = measurement;
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return value.ShouldNotBeNull($"no caseflow.projection.stopped measurement for {shard}");
    }

    private async Task<List<Guid>> FeedCases(CancellationToken ct)
    {
        await using var session = _own.Node.DocumentStore().QuerySession();
        return [.. (await session.Query<FeedEntry>().OrderBy(e => e.Id).ToListAsync(ct)).Select(e => e.CaseId)];
    }

    private async Task<List<string>> FeedEntries(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_own.Database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select id || ' ' || data::text from {PersistenceSetup.SchemaName}.mt_doc_feedentry order by id", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(ct))
            rows.Add(reader.GetString(0));
        return rows;
    }

    private async Task Superuser(string sql)
    {
        await using var connection = await TestDatabases.OpenAsTamperingSuperuser(_own.Database.ConnectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
