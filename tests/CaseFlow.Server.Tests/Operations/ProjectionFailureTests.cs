using Alba;
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

namespace CaseFlow.Server.Tests.Operations;

/// <summary>
/// A projection that cannot apply an event stops there, visibly, instead of skipping it. This runs a node on a
/// database of its own, since a stopped projection is exactly what the other tests must not share.
/// </summary>
public sealed class ProjectionFailureTests(AppFixture app) : IAsyncLifetime
{
    private readonly string _database = $"caseflow_projection_failure_{Guid.NewGuid():N}"[..40];
    private IAlbaHost _node = null!;

    private string ConnectionString { get; set; } = "";

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await TestDatabases.Create(_database);
        _node = await AlbaHost.For<Program>(x =>
        {
            x.UseSetting("ConnectionStrings:Marten", ConnectionString);
            x.UseSetting("Auth:DevelopmentKey", app.Tokens.Base64Key);
            app.Vault.ApplyTo(x);
            x.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        await TestDatabases.Drop(_database);
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
        var wso = app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU");
        var caseId = await _node.StartCaseWith(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend), Envelopes.Booking(Envelopes.NewBookingNumber(), "WSO"));
        await _node.Post(wso, $"/api/cases/{caseId}/events", Envelopes.CaseEvent("WarrantReceivedFromIce", new { receivedAt = CaseScenario.Now(), warrantType = "I-200", iceDetainerRef = "D-1" }), 200);
        await _node.Post(wso, $"/api/cases/{caseId}/events", Envelopes.CaseEvent("DetainerLodged", new { lodgedAt = CaseScenario.Now() }), 200);

        var stopped = await paused.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        stopped.Sequence.ShouldBeLessThan(badSequence);
        var feed = (await _node.Services.GetRequiredService<ProjectionShards>().All(TestContext.Current.CancellationToken)).Single(s => s.Name.StartsWith(FeedProjection.Name, StringComparison.Ordinal));
        feed.LastSequence.ShouldBeLessThan(badSequence);
        await using var session = _node.DocumentStore().QuerySession();
        (await session.Query<FeedEntry>().AnyAsync(e => e.CaseId == caseId, TestContext.Current.CancellationToken)).ShouldBeFalse();
        // Visible to operators: the shard stands behind the high-water mark, at the event before the one it cannot read.
        feed.HighWaterMark.ShouldBeGreaterThanOrEqualTo(badSequence);
        feed.Behind.ShouldBeGreaterThan(0);
        stopped.PauseReason.ShouldNotBeNull().ShouldContain(badSequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task a_message_that_failed_after_its_retries_shows_in_readiness_and_to_operators()
    {
        // The row Wolverine writes when a message has exhausted its retries.
        await TestDatabases.Execute(ConnectionString,
            $"insert into {PersistenceSetup.SchemaName}.wolverine_dead_letters (id, body, message_type, exception_type, exception_message, failed_at, replayable) " +
            "values (gen_random_uuid(), '\\x00', 'hold-deadline-reached', 'System.TimeoutException', 'Case stayed busy', now(), true)");

        (await (await _node.Scenario(s => s.Get.Url("/health/ready"))).ReadAsTextAsync()).ShouldBe("Degraded");
        var letters = await (await _node.GetAs(app.Tokens.For(Roles.Admin), "/api/operations/dead-letters")).ReadAsJsonAsync<List<DeadLetter>>();
        letters.Single().ExceptionType.ShouldBe("System.TimeoutException");
        await _node.GetAs(app.Tokens.For(Roles.Auditor), "/api/operations/dead-letters", 403);
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
