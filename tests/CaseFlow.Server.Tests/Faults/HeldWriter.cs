using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// Two WSO cases whose detainers commit out of order: the held case's writer takes its sequence number, then its insert
/// waits on another transaction holding the same event id uncommitted (as a request sent again to a second node
/// meets), while the later case's detainer commits above it. The held writer commits once <see cref="Release"/> rolls
/// the other transaction back.
/// </summary>
public sealed class HeldWriter : IAsyncDisposable
{
    private readonly NpgsqlConnection _other;
    private readonly NpgsqlTransaction _transaction;
    private readonly Task<long> _heldLodging;

    private HeldWriter(NpgsqlConnection other, NpgsqlTransaction transaction, Guid held, Guid later, Task<long> heldLodging, long laterPosition) =>
        (_other, _transaction, Held, Later, _heldLodging, LaterPosition) = (other, transaction, held, later, heldLodging, laterPosition);

    public Guid Held { get; }
    public Guid Later { get; }

    /// <summary>Where the later case's detainer was stored: above the number the held writer holds.</summary>
    public long LaterPosition { get; }

    /// <summary>Both cases written (their detainers not yet), then the held writer waiting, then the later detainer stored.</summary>
    public static async Task<HeldWriter> Start(OwnNode own, TimeSpan lockWait)
    {
        var ct = TestContext.Current.CancellationToken;
        var held = await own.Cases.CaseWithWarrant();
        var later = await own.Cases.CaseWithWarrant();
        var eventId = Guid.NewGuid();

        var other = await TestDatabases.OpenAsTamperingSuperuser(own.Database.ConnectionString);
        var transaction = await other.BeginTransactionAsync(ct);
        await HoldEventId(other, eventId, ct);
        var heldLodging = own.Cases.LodgeDetainer(held, eventId);
        await WriterWaitsOnALock(own.Database, lockWait, ct);
        var laterPosition = await own.Cases.LodgeDetainer(later);
        return new HeldWriter(other, transaction, held, later, heldLodging, laterPosition);
    }

    /// <summary>Lets the held writer commit; answers where its detainer was stored.</summary>
    public async Task<long> Release()
    {
        await _transaction.RollbackAsync(TestContext.Current.CancellationToken);
        var heldPosition = await _heldLodging;
        heldPosition.ShouldBeLessThan(LaterPosition, "the held writer took its sequence number before the later one committed");
        return heldPosition;
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _other.DisposeAsync();
    }

    /// <summary>Another transaction's uncommitted event with the id: a writer inserting the same id waits on it.</summary>
    private static async Task HoldEventId(NpgsqlConnection other, Guid eventId, CancellationToken ct)
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
    private static async Task WriterWaitsOnALock(OwnDatabase database, TimeSpan lockWait, CancellationToken ct)
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
