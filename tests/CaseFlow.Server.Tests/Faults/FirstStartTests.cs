using Alba;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using Npgsql;

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

    private OwnDatabase _database = null!;
    private IAlbaHost _writer = null!;
    private WsoDetainers _cases = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await OwnDatabase.Create(app, "first_start");
        _writer = await _database.StartNode(projections: false, configure: x => x.UseSetting("Intake:LockWait", LockWait.ToString()));
        _cases = new WsoDetainers(app, _writer);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task a_shard_first_started_while_a_writer_holds_its_sequence_number_applies_that_event_once_committed()
    {
        var ct = TestContext.Current.CancellationToken;
        var held = await _cases.CaseWithWarrant();
        var later = await _cases.CaseWithWarrant();
        var eventId = Guid.NewGuid();

        await using var other = await TestDatabases.OpenAsTamperingSuperuser(_database.ConnectionString);
        await using var transaction = await other.BeginTransactionAsync(ct);
        await SequenceGapTests.HoldEventId(other, eventId, ct);
        var heldLodging = _cases.LodgeDetainer(held, eventId);
        await SequenceGapTests.WriterWaitsOnALock(_database, LockWait, ct);
        var laterPosition = await _cases.LodgeDetainer(later);

        await using var daemon = await _database.StartNode();
        // The shard's first pass has reached the held case as it stood before the held writer: the events below the
        // held number.
        await daemon.QueuesHaveApplied(held);
        await transaction.RollbackAsync(ct);
        var heldPosition = await heldLodging;
        heldPosition.ShouldBeLessThan(laterPosition, "the held writer took its sequence number before the later one committed");

        await daemon.QueuesHaveApplied(held, later);
        await using var session = daemon.DocumentStore().QuerySession();
        var summary = await session.LoadAsync<CaseFile>(held, ct);
        var row = await session.LoadAsync<CaseQueueRow>(held, ct);
        row.ShouldNotBeNull().Case.Version.ShouldBe(summary.ShouldNotBeNull().Version, "the held case's queue row holds its detainer");
    }
}
