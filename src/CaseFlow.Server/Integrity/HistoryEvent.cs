using System.Text.Json;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Integrity;

/// <summary>One stored event as an auditor replays it: exactly what is stored, its envelope metadata and its hash.</summary>
public sealed record HistoryEvent(
    long Version, Guid EventId, string Type, DateTimeOffset? OccurredAt, DateTimeOffset RecordedAt, string? CorrelationId, string? CausationId,
    [property: DescribedAs(typeof(EventMetadata))] JsonElement Metadata, JsonElement Data)
{
    public static HistoryEvent From(StoredEventRow row)
    {
        var metadata = JsonDocument.Parse(row.HeadersJson).RootElement;
        var occurredAt = metadata.TryGetProperty(EventHeaders.OccurredAt, out var value) ? EventHeaders.Instant(value) : null;
        return new HistoryEvent(row.Version, row.Id, row.Type, occurredAt, row.RecordedAt, row.CorrelationId, row.CausationId,
            metadata, JsonDocument.Parse(row.DataJson).RootElement);
    }
}

/// <summary>Whole histories, for the governance streams whose histories stay short (agreements, officers, complaints).</summary>
public static class History
{
    public static async Task<IReadOnlyList<HistoryEvent>> Of(StoredEventRows rows, Guid streamId, CancellationToken ct) =>
        (await rows.ForStream(streamId, afterVersion: 0, limit: int.MaxValue, ct)).Select(HistoryEvent.From).ToList();
}
