using Alba;
using CaseFlow.Server.Feed;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using Npgsql;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// A writer holds its events' sequence numbers from before its inserts until its commit. When its insert waits on
/// another transaction (here, one holding the same event id uncommitted, as a request sent again to a second node
/// meets), a later writer commits above it and leaves a gap that is in fact an event on its way. The daemon must wait
/// for it, not step over it as a rolled-back transaction's. Either of the store's two guards keeps the event: Marten's
/// transaction evidence (the held writer's transaction is visible in PostgreSQL), and a stale-gap wait longer than the
/// lock wait. With both turned off (evidence off, Marten's 3 s wait) this test fails: the detainer never reaches the feed.
/// </summary>
public sealed class SequenceGapTests(AppFixture app) : IAsyncLifetime
{
    /// <summary>The node's lock wait: how long a writer may wait on another's row before it is answered busy.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(8);

    /// <summary>
    /// How long the other transaction holds the event id: well past Marten's default stale-gap wait (3 s) and its slow
    /// poll (1 s), so a daemon guarded by that wait alone steps over the gap, and within the lock wait, so the held
    /// writer then commits.
    /// </summary>
    private static readonly TimeSpan Held = TimeSpan.FromSeconds(6);

    private OwnDatabase _database = null!;
    private IAlbaHost _node = null!;
    private WsoDetainers _cases = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await OwnDatabase.Create(app, "sequence_gap");
        _node = await _database.StartNode(configure: x => x.UseSetting("Intake:LockWait", LockWait.ToString()));
        _cases = new WsoDetainers(app, _node);
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task an_event_committed_behind_a_later_one_after_a_long_wait_is_still_applied()
    {
        var ct = TestContext.Current.CancellationToken;
        var held = await _cases.CaseWithWarrant();
        var later = await _cases.CaseWithWarrant();
        var eventId = Guid.NewGuid();

        await using var other = await TestDatabases.OpenAsTamperingSuperuser(_database.ConnectionString);
        await using var transaction = await other.BeginTransactionAsync(ct);
        await HoldEventId(other, eventId, ct);
        var heldLodging = _cases.LodgeDetainer(held, eventId);
        await WriterWaitsOnALock(_database, LockWait, ct);
        var laterPosition = await _cases.LodgeDetainer(later);
        // The fault itself, not a wait for a result: the gap stays open while time passes, and the daemon judges its
        // age by the database's clock, which a test cannot move.
        await Task.Delay(Held, ct);
        await transaction.RollbackAsync(ct);
        var heldPosition = await heldLodging;

        heldPosition.ShouldBeLessThan(laterPosition, "the held writer took its sequence number before the later one committed");
        await _node.FeedHasApplied(held, later);
        await using var session = _node.DocumentStore().QuerySession();
        (await session.Query<FeedEntry>().Where(e => e.CaseId == held).CountAsync(ct)).ShouldBe(1, "the held case's detainer is in the feed");
    }

    /// <summary>Another transaction's uncommitted event with the id: a writer inserting the same id waits on it.</summary>
    internal static async Task HoldEventId(NpgsqlConnection other, Guid eventId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $$"""
              insert into {{PersistenceSetup.SchemaName}}.mt_streams (id, type, version) values (@stream, 'held', 1);
              insert into {{PersistenceSetup.SchemaName}}.mt_events (seq_id, id, stream_id, version, data, type) values (@seq, @id, @stream, 1, '{}', 'held');
              """, other);
        command.Parameters.AddWithValue("stream", Guid.NewGuid());
        command.Parameters.AddWithValue("id", eventId);
        // Above any sequence the store hands out, so the held row leaves no gap of its own.
        command.Parameters.AddWithValue("seq", long.MaxValue);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Until a backend of the test's database waits on another transaction: the writer, on the held event id.</summary>
    internal static async Task WriterWaitsOnALock(OwnDatabase database, TimeSpan lockWait, CancellationToken ct)
    {
        await using var watcher = await TestDatabases.OpenAsTamperingSuperuser(database.ConnectionString);
        await using var command = new NpgsqlCommand(
            "select exists (select 1 from pg_stat_activity where datname = current_database() and wait_event = 'transactionid')", watcher);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(ct);
        guard.CancelAfter(lockWait);
        // PostgreSQL signals no lock wait, so its activity view is read until the writer shows up in it.
        while (!(bool)(await command.ExecuteScalarAsync(guard.Token))!)
            await Task.Delay(TimeSpan.FromMilliseconds(50), guard.Token);
    }
}
