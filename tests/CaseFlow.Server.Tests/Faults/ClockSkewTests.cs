using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// A node whose own clock runs two hours ahead of the database's or behind it (Debian's <c>faketime</c> on the server
/// process) starts a hold that ends seconds later by the database's clock: the hold expires neither before its
/// deadline, as a node ahead would have it, nor hours after it, as a node behind would. Deadlines are judged on the
/// database's clock.
/// </summary>
public sealed class ClockSkewTests(AppFixture app) : IAsyncLifetime
{
    /// <summary>How long after the warrant's service the hold ends, by the database's clock.</summary>
    private static readonly TimeSpan HoldLeft = TimeSpan.FromSeconds(12);

    /// <summary>
    /// How late an expiry may come: Wolverine's scheduler polls every 5 s, and this machine runs other tests meanwhile.
    /// Two hours, a node behind's lateness, lie far beyond.
    /// </summary>
    private static readonly TimeSpan Punctuality = TimeSpan.FromSeconds(30);

    private OwnDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await OwnDatabase.Create(app, "clock_skew");

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("+2h", 2)]
    [InlineData("-2h", -2)]
    public async Task a_hold_started_by_a_node_with_a_wrong_clock_expires_at_its_deadline_by_the_database_s_clock(string offset, int hours)
    {
        await using var hold = new HoldOnTheDatabaseClock(app, _database);
        await hold.Prepare();

        using var node = await ServerProcess.Start(_database.ConnectionString, app, offset);
        using var jail = hold.JailClient(node, hoursAhead: hours);
        var deadline = await hold.ServeWarrant(jail, HoldLeft);

        var expiredAt = await hold.ExpiryObserved(deadline + Punctuality + TimeSpan.FromSeconds(10));
        expiredAt.ShouldNotBeNull($"the hold ending at {deadline:O} had not expired by {deadline + Punctuality:O} (database clock)");
        expiredAt.Value.ShouldBeGreaterThanOrEqualTo(deadline, "the hold expired before its deadline by the database's clock");
        expiredAt.Value.ShouldBeLessThanOrEqualTo(deadline + Punctuality, "the hold expired late by the database's clock");
    }
}
