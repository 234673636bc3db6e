using System.Globalization;
using System.Net.Http.Json;

namespace CaseFlow.Soak;

/// <summary>A jail's booking as the benchmarks send it: a new case each time, one charge, a synthetic subject.</summary>
public static class BookingBodies
{
    /// <summary>The jail the load drivers book into (Fort Bend County, Texas).</summary>
    public const string Ori = "TX0790000";

    public static JsonContent NewBody(string model) => JsonContent.Create(Body(Guid.NewGuid(), NewBookingNumber(), DateTimeOffset.UtcNow, model));

    public static object Body(Guid eventId, string bookingNumber, DateTimeOffset now, string model = "JEM") => new
    {
        eventId,
        occurredAt = Instant(now),
        data = new
        {
            model,
            bookingNumber,
            bookedAt = Instant(now.AddMinutes(-30)),
            charges = new[] { new { code = "TX PC 49.04", description = "Driving while intoxicated", level = "Misdemeanor" } },
            subject = new { name = new { given = "Bench", family = "Subject" }, dateOfBirth = "1990-01-01" },
        },
    };

    public static string NewBookingNumber() => $"BENCH-{Guid.NewGuid():N}"[..24];

    /// <summary>An instant as CaseFlow's envelopes carry it: milliseconds and the offset.</summary>
    public static string Instant(DateTimeOffset value) => value.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
