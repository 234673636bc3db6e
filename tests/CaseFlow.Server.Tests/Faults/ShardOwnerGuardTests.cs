using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using Npgsql;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// Two owners of one shard, as a handoff can leave for a moment (the old node still runs it when the new one starts
/// it): only one of them may commit a page. Every page's commit also moves the shard's position from the page's floor
/// to its ceiling, only where the position still stands at the floor, so the owner that finds it moved on rolls its
/// page back, documents included, and stops. The test plays the other owner by moving the position on, as its commit
/// would. The fault suite's node-kill scenario relies on this; a library upgrade that lost it would leave stale rows.
/// </summary>
public sealed class ShardOwnerGuardTests(AppFixture app) : IAsyncLifetime
{

    private OwnNode _own = null!;

    public async ValueTask InitializeAsync() => _own = await OwnNode.Start(app, "shard_owner_guard");

    public ValueTask DisposeAsync() => _own.DisposeAsync();

    [Fact]
    public async Task a_page_whose_floor_another_owner_moved_on_writes_nothing_and_stops_the_shard()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await _own.Cases.CaseWithWarrant();
        await _own.Node.QueuesHaveApplied(first);
        await using var stopped = await CommitSignal.Listen(_own.Database, "read_models_stopped", $"{PersistenceSetup.SchemaName}.mt_event_progression",
            $"new.name = '{CaseReadModels.Name}:All' and new.failure_category is not null");
        await using (var other = await TestDatabases.OpenAsTamperingSuperuser(_own.Database.ConnectionString))
        await using (var move = new NpgsqlCommand(
            $"update {PersistenceSetup.SchemaName}.mt_event_progression set last_seq_id = last_seq_id + 1000000 where name = @name", other))
        {
            move.Parameters.AddWithValue("name", $"{CaseReadModels.Name}:All");
            (await move.ExecuteNonQueryAsync(ct)).ShouldBe(1);
        }

        var second = await _own.Cases.CaseWithWarrant();

        (await stopped.Committed(TimeSpan.FromMinutes(2))).ShouldNotBeNull("the shard was not recorded as stopped within two minutes");
        await using var session = _own.Node.DocumentStore().QuerySession();
        (await session.LoadAsync<CaseQueueRow>(second, ct)).ShouldBeNull("the page found the position moved on and was rolled back");
        (await session.LoadAsync<CaseQueueRow>(first, ct)).ShouldNotBeNull();
    }
}
