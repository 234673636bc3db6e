using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseFlow.Domain.Intake;

/// <summary>
/// Instants as clients send them: RFC 3339 date-times that carry an explicit offset, between 1900 and 2199 — wide
/// enough for any date of birth or scheduled release, narrow enough that adding a deadline can never overflow.
/// </summary>
public static partial class Instants
{
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null
            && Rfc3339WithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            && value >= Earliest && value < Latest;
    }

    /// <summary>The form of an instant: RFC 3339 with its offset (also the OpenAPI document's pattern).</summary>
    public const string Pattern = @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$";

    [GeneratedRegex(Pattern)]
    private static partial Regex Rfc3339WithOffset();
}

/// <summary>
/// The envelope's <c>occurredAt</c>: an instant with an offset, at most five minutes ahead of the server's clock,
/// and no older than the late window unless the client marked the event <c>late</c>.
/// </summary>
public static class OccurredAt
{
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);

    /// <summary>Parses and checks the value; on failure returns the reason, fit for a field error.</summary>
    public static (DateTimeOffset Value, string? Error) Check(string? text, DateTimeOffset now, TimeSpan lateWindow, bool late)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (default, "occurredAt is required.");
        if (!Instants.TryParse(text, out var value))
            return (default, "occurredAt must be an RFC 3339 date-time with an offset, such as 2026-01-15T09:30:00-06:00.");
        if (value > now + MaxAhead)
            return (default, "occurredAt is more than five minutes in the future.");
        if (value < now - lateWindow && !late)
            return (default, $"occurredAt is older than {lateWindow.TotalHours:0} hours: mark the event \"late\": true if it was held back.");
        return (value, null);
    }
}
