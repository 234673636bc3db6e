using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Import;

/// <summary>
/// The case-steps export: one row per event of a case, in the order they happened, its <c>data</c> column the event's
/// data as JSON (docs/events.md; the OpenAPI document has an example for every type).
/// </summary>
public static class StepsFile
{
    public static IEnumerable<ImportRow> Read(string path, string ori) => ExportFile.Read(path, ori, Row);

    private static ImportRow Row(CsvColumns columns, long line, string file, string ori)
    {
        var bookingNumber = columns.Required("booking_number");
        var row = columns.Row(file, line, bookingNumber, columns.Required("type"), "occurred_at", Data(columns),
            (occurredAt, type) => RowEventIds.Step(ori, bookingNumber, type, occurredAt));
        row.Envelope?.Add("caseId", RowEventIds.Case(ori, bookingNumber));
        return row;
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
