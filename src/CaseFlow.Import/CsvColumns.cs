using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;

namespace CaseFlow.Import;

/// <summary>Reads a row's columns by header name, collecting what is missing or malformed by column name.</summary>
public sealed class CsvColumns(CsvReader csv)
{
    private readonly List<string> problems = [];

    public string? Invalid => problems.Count == 0 ? null : string.Join("; ", problems);

    public string? Optional(string column) =>
        csv.TryGetField<string>(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Required(string column)
    {
        var value = Optional(column);
        if (value is null)
            problems.Add($"{column} is empty");
        return value ?? "";
    }

    /// <summary>An RFC 3339 instant, which must carry its offset (CaseFlow refuses instants without one).</summary>
    public DateTimeOffset? Instant(string column, bool required)
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text))
            return null;
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var instant) && (text.EndsWith('Z') || text[^6] is '+' or '-'))
            return instant;
        problems.Add($"{column} is not an RFC 3339 instant with an offset");
        return null;
    }

    public bool Flag(string column)
    {
        var text = Optional(column);
        if (text is null || text.Equals("false", StringComparison.OrdinalIgnoreCase))
            return false;
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
            return true;
        problems.Add($"{column} is neither true nor false");
        return false;
    }

    public void Problem(string problem) => problems.Add(problem);

    /// <summary>
    /// The row with its envelope: the event's instant from <paramref name="occurredAtColumn"/>, <c>late</c> and the acting
    /// officer's badge from their columns, the event id from <paramref name="eventId"/> (of the instant and the type);
    /// without an envelope when a column could not be read.
    /// </summary>
    public ImportRow Row(string file, long line, string bookingNumber, string type, string occurredAtColumn, JsonObject? data,
        Func<DateTimeOffset, string, Guid> eventId)
    {
        var occurredAt = Instant(occurredAtColumn, required: true);
        var id = eventId(occurredAt ?? default, type);
        var envelope = new JsonObject
        {
            ["eventId"] = id,
            ["type"] = type,
            ["occurredAt"] = occurredAt is { } at ? Format(at) : null,
            ["late"] = Flag("late"),
            ["data"] = data,
        };
        if (Optional("officer_badge") is { } badge)
            envelope["officerId"] = badge;
        return new ImportRow(file, line, bookingNumber, type, id, Invalid is null ? envelope : null, Invalid);
    }

    public static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
