namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Request bodies as a jail system would send them, with fresh ids and booking numbers per call.</summary>
public static class Envelopes
{
    public static string NewBookingNumber() => $"T-{Guid.NewGuid():N}"[..20];

    public static string Instant(DateTimeOffset value) => value.ToString("yyyy-MM-ddTHH:mm:sszzz");

    public static object Subject(string marker = "Testperson") => new
    {
        name = new { given = "Alex", family = marker },
        dateOfBirth = "1990-02-03",
        aNumber = "A012345678",
    };

    public static Dictionary<string, object?> Booking(
        string bookingNumber, string model = "JEM", object? charges = null, object? subject = null,
        DateTimeOffset? occurredAt = null, Guid? eventId = null, bool? late = null)
    {
        var at = occurredAt ?? DateTimeOffset.UtcNow.AddMinutes(-1);
        var envelope = new Dictionary<string, object?>
        {
            ["eventId"] = eventId ?? Guid.NewGuid(),
            ["type"] = "BookingRecorded",
            ["occurredAt"] = Instant(at),
            ["data"] = new
            {
                model,
                bookingNumber,
                bookedAt = Instant(at.AddMinutes(-30)),
                charges = charges ?? new[] { new { code = "TX PC 49.04", description = "Driving while intoxicated", level = "Misdemeanor" } },
                subject = subject ?? Subject(),
            },
        };
        if (late is not null)
            envelope["late"] = late;
        return envelope;
    }

    /// <summary>
    /// A case event as a jail sends it: occurredAt is the step's own instant (the <c>...At</c> or <c>from</c> of its
    /// data, which the rules require to match) unless given; a scheduled release and the steps without an instant of
    /// their own are sent as occurring now.
    /// </summary>
    public static Dictionary<string, object?> CaseEvent(string type, object data, DateTimeOffset? occurredAt = null) =>
        GovernanceClient.Envelope(type, data, occurredAt ?? OwnInstant(type, data));

    private static DateTimeOffset? OwnInstant(string type, object data) =>
        type == "ScheduledReleaseSet" ? null
        : ServerJson.Data(data).FirstOrDefault(p => p.Key.EndsWith("At", StringComparison.Ordinal) || p.Key is "at" or "from").Value?.GetValue<string>() is { } text
            ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static Dictionary<string, object?> ReleaseSet(DateTimeOffset at, Guid? eventId = null, string reason = "sentence served") => new()
    {
        ["eventId"] = eventId ?? Guid.NewGuid(),
        ["type"] = "ScheduledReleaseSet",
        ["occurredAt"] = Instant(DateTimeOffset.UtcNow.AddSeconds(-5)),
        ["data"] = new { at = Instant(at), reason },
    };
}
