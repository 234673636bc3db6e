using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Import;

/// <summary>
/// The case-steps export: one row per event of a case, in the order they happened, its <c>data</c> column the event's
/// data as JSON (docs/events.md; the OpenAPI document has an example for every type).
/// </summary>
public static class StepsFile
{
    public static IEnumerable<ImportRow> Read(string path, string ori) =>
        ExportFile.Read(path, (columns, line) => Row(columns, line, Path.GetFileName(path), ori));

    private static ImportRow Row(CsvColumns columns, long line, string file, string ori)
    {
        var bookingNumber = columns.Required("booking_number");
        var type = columns.Required("type");
        var occurredAt = columns.Instant("occurred_at", required: true);
        var late = columns.Flag("late");
        var data = Data(columns);
        var eventId = RowEventIds.Step(ori, bookingNumber, type, occurredAt ?? default);
        var envelope = new JsonObject
        {
            ["eventId"] = eventId,
            ["type"] = type,
            ["caseId"] = RowEventIds.Case(ori, bookingNumber),
            ["occurredAt"] = occurredAt is { } at ? CsvColumns.Format(at) : null,
            ["late"] = late,
            ["data"] = data,
        };
        if (columns.Optional("officer_badge") is { } badge)
            envelope["officerId"] = badge;
        return new ImportRow(file, line, bookingNumber, type, eventId, columns.Invalid is null ? envelope : null, columns.Invalid);
    }

    private static JsonObject? Data(CsvColumns columns)
    {
        var text = columns.Required("data");
        if (text.Length == 0)
            return null;
        try
        {
            if (JsonNode.Parse(text) is JsonObject data)
                return data;
        }
        catch (JsonException)
        {
        }
        columns.Problem("data is not a JSON object");
        return null;
    }
}
