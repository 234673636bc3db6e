using Alba;
using CaseFlow.Server.Custody;
using CaseFlow.Server.Feed;
using CaseFlow.Server.Operations;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using Wolverine.Tracking;

namespace CaseFlow.Server.Tests.Operations;

/// <summary>
/// A projection that cannot apply an event stops there, and a message that fails after its retries is kept: both
/// visibly, as docs/operations.md promises operators. Each test runs a node on a database of its own, since a stopped
/// projection or a dead letter is exactly what the other tests must not share.
/// </summary>
public sealed class ProjectionFailureTests(AppFixture app) : IAsyncLifetime
{
    private OwnDatabase _database = null!;
    private IAlbaHost _node = null!;

    private string ConnectionString => _database.ConnectionString;

    private string Admin => app.Tokens.For(Roles.Admin);

    public async ValueTask InitializeAsync()
    {
        _database = await OwnDatabase.Create(app, "projection_failure");
        // Writers give up on a busy case quickly here, so the dead-letter test's retries are spent on the policy's cooldowns.
        _node = await _database.StartNode(configure: x => x.UseSetting("Intake:LockWait", "00:00:00.200"));
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task an_event_the_feed_cannot_read_stops_it_there_visibly()
    {
        var paused = new TaskCompletionSource<ShardState>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watching = _node.DocumentStore().Storage.Database.Tracker.Subscribe(new ShardWatcher(state =>
        {
            if (state.Action == ShardAction.Paused && state.ShardName.StartsWith(FeedProjection.Name, StringComparison.Ordinal))
                paused.TrySetResult(state);
        }));
        var badSequence = await AppendUnreadableDecision();
        var caseId = await WsoCaseWithDetainer();

        var stopped = await paused.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        stopped.Sequence.ShouldBeLessThan(badSequence);
        await using var session = _node.DocumentStore().QuerySession();
        (await session.Query<FeedEntry>().AnyAsync(e => e.CaseId == caseId, TestContext.Current.CancellationToken)).ShouldBeFalse();
        // What operators are promised: readiness degraded, and the shard listed behind the high-water mark, at the
        // event before the one it cannot read, naming that event.
        (await (await _node.Scenario(s => s.Get.Url("/health/ready"))).ReadAsTextAsync()).ShouldBe("Degraded");
        var shards = await (await _node.GetAs(Admin, "/api/operations/projections")).ReadAsJsonAsync<List<ShardStatus>>();
        var feed = shards.Single(s => s.Name.StartsWith(FeedProjection.Name, StringComparison.Ordinal));
        feed.Stopped.ShouldBeTrue();
        feed.LastSequence.ShouldBeLessThan(badSequence);
        feed.HighWaterMark.ShouldBeGreaterThanOrEqualTo(badSequence);
        feed.Behind.ShouldBeGreaterThan(0);
        feed.FailureSequence.ShouldBe(badSequence);
        feed.FailureEventType.ShouldBe("DetainerLifted");
        feed.PauseReason.ShouldNotBeNull();
        stopped.PauseReason.ShouldNotBeNull().ShouldContain(badSequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await _node.GetAs(app.Tokens.For(Roles.Auditor), "/api/operations/projections", 403);
    }

    [Fact]
    public async Task a_deadline_that_fails_after_its_retries_is_dead_lettered_and_shows_in_readiness_and_to_operators()
    {
        var caseId = await WsoCaseWithDetainer();
        (await (await _node.Scenario(s => s.Get.Url("/health/ready"))).ReadAsTextAsync()).ShouldBe("Healthy");

        // Another writer holds the case for as long as the deadline is tried: every attempt finds it busy.
        await using var blocker = new NpgsqlConnection(ConnectionString);
        await blocker.OpenAsync(TestContext.Current.CancellationToken);
        await using var holding = await blocker.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var lockRow = new NpgsqlCommand($"select 1 from {PersistenceSetup.SchemaName}.mt_streams where id = @id for update", blocker, holding))
        {
            lockRow.Parameters.AddWithValue("id", caseId);
            await lockRow.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        }

        var tracked = await _node.TrackActivity().Timeout(TimeSpan.FromMinutes(3)).DoNotAssertOnExceptionsDetected()
            .SendMessageAndWaitAsync(new HoldDeadlineReached(caseId, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(-1)));
        await holding.RollbackAsync(TestContext.Current.CancellationToken);

        // The policy's three retries (1 s, 5 s, 30 s) after the first attempt, then the dead-letter table.
        tracked.MovedToErrorQueue.SingleEnvelope<HoldDeadlineReached>().Attempts.ShouldBe(4);
        (await (await _node.Scenario(s => s.Get.Url("/health/ready"))).ReadAsTextAsync()).ShouldBe("Degraded");
        var letters = await (await _node.GetAs(Admin, "/api/operations/dead-letters")).ReadAsJsonAsync<List<DeadLetter>>();
        var letter = letters.ShouldHaveSingleItem();
        letter.ExceptionType.ShouldBe(typeof(TimeoutException).FullName);
        letter.ExceptionMessage.ShouldNotBeNull().ShouldContain(caseId.ToString());
        await _node.GetAs(app.Tokens.For(Roles.Auditor), "/api/operations/dead-letters", 403);
    }

    /// <summary>A WSO case of Fort Bend's with ICE's warrant and detainer on file: the detainer is a decision the feed carries.</summary>
    private async Task<Guid> WsoCaseWithDetainer()
    {
        var ice = app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU");
        var caseId = await _node.StartCaseWith(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend), Envelopes.Booking(Envelopes.NewBookingNumber(), "WSO"));
        await _node.Post(ice, $"/api/cases/{caseId}/events", Envelopes.CaseEvent("WarrantReceivedFromIce", new { receivedAt = CaseScenario.Now(), warrantType = "I-200", iceDetainerRef = "D-1" }), 200);
        await _node.Post(ice, $"/api/cases/{caseId}/events", Envelopes.CaseEvent("DetainerLodged", new { lodgedAt = CaseScenario.Now() }), 200);
        return caseId;
    }

    /// <summary>A DetainerLifted whose data no longer reads as one, as a faulty migration or a hand edit would leave it.</summary>
    private async Task<long> AppendUnreadableDecision()
    {
        var schema = PersistenceSetup.SchemaName;
        var stream = Guid.NewGuid();
        await TestDatabases.Execute(ConnectionString, $"insert into {schema}.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived) values ('{stream}', 'case_file', 1, now(), now(), '*DEFAULT*', false)");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            $$"""
            insert into {{schema}}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, headers, is_archived)
            values (nextval('{{schema}}.mt_events_sequence'), gen_random_uuid(), '{{stream}}', 1, '{"liftedAt": "not a date", "reason": "Duplicate"}',
                    'DetainerLifted', now(), '*DEFAULT*', 'CaseFlow.Domain.Cases.DetainerLifted, CaseFlow.Domain', '{}', false)
            returning seq_id
            """, connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private sealed class ShardWatcher(Action<ShardState> onNext) : IObserver<ShardState>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(ShardState value) => onNext(value);
    }
}
