using CaseFlow.Server.Feed;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;

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

    private OwnNode _own = null!;

    public async ValueTask InitializeAsync() => _own = await OwnNode.Start(app, "sequence_gap", configure: x => x.UseSetting("Intake:LockWait", LockWait.ToString()));

    public ValueTask DisposeAsync() => _own.DisposeAsync();

    [Fact]
    public async Task an_event_committed_behind_a_later_one_after_a_long_wait_is_still_applied()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var writers = await HeldWriter.Start(_own, LockWait);
        // The fault itself, not a wait for a result: the gap stays open while time passes, and the daemon judges its
        // age by the database's clock, which a test cannot move.
        await Task.Delay(Held, ct);
        await writers.Release();

        await _own.Node.FeedHasApplied(writers.Held, writers.Later);
        await using var session = _own.Node.DocumentStore().QuerySession();
        (await session.Query<FeedEntry>().Where(e => e.CaseId == writers.Held).CountAsync(ct)).ShouldBe(1, "the held case's detainer is in the feed");
    }
}
