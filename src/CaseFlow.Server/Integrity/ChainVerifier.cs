using CaseFlow.Domain.Integrity;

namespace CaseFlow.Server.Integrity;

/// <summary>
/// Recomputes a stream's hash chain from the rows exactly as PostgreSQL holds them, so any edit of a stored
/// event's data, metadata, type, id or order is found, and names the first version that no longer holds.
/// </summary>
public sealed class ChainVerifier(StoredEventRows rows)
{
    public async Task<ChainVerdict> Verify(Guid streamId, CancellationToken ct)
    {
        var stored = await rows.ForStream(streamId, afterVersion: 0, limit: int.MaxValue, ct);
        return EventChain.Verify(stored.Select(row => StoredChainLink.Of(streamId, row.Version, row.Id, row.Type, row.DataJson, row.HeadersJson)));
    }
}
