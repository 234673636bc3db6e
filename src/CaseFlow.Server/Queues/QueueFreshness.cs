using System.Diagnostics;
using CaseFlow.Server.Platform;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CaseFlow.Server.Queues;

/// <summary>
/// Read-your-write for the asynchronous case read models (<see cref="CaseReadModels"/>: the queues, the case search and
/// the statistics): how far (in global event positions) the projection has applied, and a bounded wait for it to pass
/// the position a write answered. The progression table is read, not the local daemon, so a node that does not run the
/// projection waits as well as the one that does.
/// </summary>
public sealed class QueueFreshness(IDocumentStore store, TimeProvider clock, IOptions<QueueOptions> options)
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How long a position read from the progression table answers further reads of the same shard. A projection's
    /// position only grows, so one read a moment ago is still true of the read model ("current up to at least here"):
    /// a page that names no position, or one already passed, needs no round trip of its own.
    /// </summary>
    private static readonly TimeSpan Reuse = TimeSpan.FromMilliseconds(100);

    private const string Shard = $"{CaseReadModels.Name}:All";

    /// <summary>The last position read and when (a reference, so a reader never sees one without the other).</summary>
    private Reading? _recent;

    private sealed record Reading(long Position, long ReadAt);

    private static readonly string Sql =
        $"""
        select coalesce((select last_seq_id from {PersistenceSetup.SchemaName}.mt_event_progression where name = @shard), 0),
               coalesce((select max(seq_id) from {PersistenceSetup.SchemaName}.mt_events), 0)
        """;

    /// <summary>
    /// The read models' position once it has passed <paramref name="wanted"/>, or, after the configured wait, as it is then
    /// with <c>Stale</c> set. A position beyond every stored event was never answered to a write: stale at once.
    /// </summary>
    public async Task<(long Position, bool Stale)> Reach(long? wanted, CancellationToken ct)
    {
        if (_recent is { } recent && Stopwatch.GetElapsedTime(recent.ReadAt) < Reuse && (wanted is null || wanted <= recent.Position))
            return (recent.Position, false);

        var giveUpAt = clock.GetUtcNow() + options.Value.FreshnessWait;
        var (position, stored) = await Read(ct);
        while (wanted is { } w && position < w && w <= stored && clock.GetUtcNow() < giveUpAt)
        {
            await Task.Delay(Recheck, clock, ct);
            (position, stored) = await Read(ct);
        }

        return (position, wanted is { } target && position < target);
    }

    private async Task<(long Position, long Stored)> Read(CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection) { Parameters = { new("shard", Shard) } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (position, stored) = (reader.GetInt64(0), reader.GetInt64(1));
        _recent = new Reading(position, Stopwatch.GetTimestamp());
        return (position, stored);
    }
}
