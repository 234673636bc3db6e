using CaseFlow.Domain.Cases;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// The first start of the case read models' shard, on a store already written to and still being written: a writer
/// holds its sequence number (its insert waits on another transaction's row with the same event id) while a later
/// writer commits above it. The shard must apply the held event once it commits. A shard that reads everything up to
/// the highest stored event on its first start (the daemon's single pass for a composite projection at position 0)
/// steps past the held number, and the case's queue row stays without that event for good.
/// </summary>
public sealed class FirstStartTests(AppFixture app) : IAsyncLifetime
{
    /// <summary>Long enough for the second node to start and its shard to make its first pass while the writer waits.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(90);

    private OwnNode _own = null!;

    public async ValueTask InitializeAsync() => _own = await OwnNode.Start(app, "first_start", projections: false, configure: x => x.UseSetting("Intake:LockWait", LockWait.ToString()));

    public ValueTask DisposeAsync() => _own.DisposeAsync();

    [Fact]
    public async Task a_shard_first_started_while_a_writer_holds_its_sequence_number_applies_that_event_once_committed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var writers = await HeldWriter.Start(_own, LockWait);

        await using var daemon = await _own.Database.StartNode();
        // The shard's first pass has reached the held case as it stood before the held writer: the events below the
        // held number.
        await daemon.QueuesHaveApplied(writers.Held);
        await writers.Release();

        await daemon.QueuesHaveApplied(writers.Held, writers.Later);
        await using var session = daemon.DocumentStore().QuerySession();
        var summary = await session.LoadAsync<CaseFile>(writers.Held, ct);
        var row = await session.LoadAsync<CaseQueueRow>(writers.Held, ct);
        row.ShouldNotBeNull().Case.Version.ShouldBe(summary.ShouldNotBeNull().Version, "the held case's queue row holds its detainer");
    }
}
