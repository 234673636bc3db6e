using System.Text.Json.Nodes;

namespace CaseFlow.Import;

/// <summary>
/// One row of an export: where it is (<paramref name="File"/>, <paramref name="Line"/>), the case it belongs to, and
/// either the envelope to post or why the row cannot be read (<paramref name="Invalid"/>, naming columns, never values).
/// </summary>
public sealed record ImportRow(string File, long Line, string BookingNumber, string Type, Guid EventId, JsonObject? Envelope, string? Invalid);
