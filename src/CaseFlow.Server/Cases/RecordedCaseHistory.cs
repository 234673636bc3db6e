using CaseFlow.Domain.Cases;
using CaseFlow.Server.Writing;
using Marten;

namespace CaseFlow.Server.Cases;

/// <summary>A case's whole stream as replays read it: each event typed, with its version, both instants, policy version and hash.</summary>
public static class RecordedCaseHistory
{
    public static async Task<IReadOnlyList<RecordedCaseEvent>> Read(IQuerySession session, Guid caseId, CancellationToken ct) =>
        [.. (await session.Events.FetchStreamAsync(caseId, token: ct))
            .Where(e => e.Data is CaseEvent)
            .Select(e => new RecordedCaseEvent(
                e.Version, e.Id, (CaseEvent)e.Data, EventHeaders.Instant(e.GetHeader(EventHeaders.OccurredAt)) ?? e.Timestamp, e.Timestamp,
                e.GetHeader(EventHeaders.PolicyVersion)?.ToString(), e.GetHeader(EventHeaders.Hash)?.ToString()))];
}
