using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// A hold deadline scheduled by a node that is then killed (<c>kill -9</c>) before the deadline fires once, on the
/// other node of the cluster, within the takeover bound of docs/operations.md ("Several nodes"): the scheduled
/// message is in the database, not in the dead process.
/// </summary>
public sealed class DeadlineTakeoverTests(AppFixture app) : IAsyncLifetime
{
    /// <summary>How long after the warrant's service the hold ends: the killed node is gone well before.</summary>
    private static readonly TimeSpan HoldLeft = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How late the expiry may come: a dead node is judged dead after 10 s without a heartbeat and its messages move on
    /// the next 2 s beats; the scheduler polls every 5 s; and this machine runs other tests meanwhile.
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    private OwnDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await OwnDatabase.Create(app, "deadline_takeover");

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task a_hold_scheduled_by_a_killed_node_expires_once_on_the_other_node()
    {
        await using var hold = new HoldOnTheDatabaseClock(app, _database);
        await hold.Prepare();
        using var survivor = await ServerProcess.Start(_database.ConnectionString, app);
        using var doomed = await ServerProcess.Start(_database.ConnectionString, app);

        DateTimeOffset deadline;
        using (var jail = hold.JailClient(doomed))
            deadline = await hold.ServeWarrant(jail, HoldLeft);
        doomed.Kill();
        (await hold.DatabaseNow()).ShouldBeLessThan(deadline, "the node was killed only after the hold's deadline");

        var expiredAt = await hold.ExpiryObserved(deadline + Bound + TimeSpan.FromSeconds(10));
        expiredAt.ShouldNotBeNull($"the hold ending at {deadline:O} had not expired by {deadline + Bound:O} (database clock)");
        expiredAt.Value.ShouldBeGreaterThanOrEqualTo(deadline, "the hold expired before its deadline");
        expiredAt.Value.ShouldBeLessThanOrEqualTo(deadline + Bound, "the hold expired later than the takeover bound allows");
        (await hold.Expiries()).ShouldBe(1, "the hold expired more than once");
    }
}
