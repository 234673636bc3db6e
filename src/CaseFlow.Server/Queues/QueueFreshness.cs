using CaseFlow.Server.Platform;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CaseFlow.Server.Queues;

/// <summary>
/// Read-your-write for the asynchronous read models (the queues unless another projection is named, such as the
/// statistics): how far (in global event positions) the projection has applied, and a bounded wait for it to pass the
/// position a write answered. The progression table is read, not the local daemon, so a node that does not run the
/// projection waits as well as the one that does.
/// </summary>
public sealed class QueueFreshness(IDocumentStore store, TimeProvider clock, IOptions<QueueOptions> options)
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(20);

    private static readonly string Sql =
        $"""
        select coalesce((select last_seq_id from {PersistenceSetup.SchemaName}.mt_event_progression where name = @shard), 0),
               coalesce((select max(seq_id) from {PersistenceSetup.SchemaName}.mt_events), 0)
        """;

    /// <summary>
    /// The queues' position once it has passed <paramref name="wanted"/>, or, after the configured wait, as it is then
    /// with <c>Stale</c> set. A position beyond every stored event was never answered to a write: stale at once.
    /// </summary>
    public async Task<(long Position, bool Stale)> Reach(long? wanted, CancellationToken ct, string projection = CaseQueueProjection.ProjectionName)
    {
        var giveUpAt = clock.GetUtcNow() + options.Value.FreshnessWait;
        var shard = $"{projection}:All";
        var (position, stored) = await Read(shard, ct);
        while (wanted is { } w && position < w && w <= stored && clock.GetUtcNow() < giveUpAt)
        {
            await Task.Delay(Recheck, clock, ct);
            (position, stored) = await Read(shard, ct);
        }

        return (position, wanted is { } target && position < target);
    }

    private async Task<(long Position, long Stored)> Read(string shard, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection) { Parameters = { new("shard", shard) } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
