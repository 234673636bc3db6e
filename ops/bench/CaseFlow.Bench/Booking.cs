using System.Globalization;

namespace CaseFlow.Bench;

/// <summary>A new booking as a jail system posts it to <c>POST /api/bookings</c>, for the load drivers.</summary>
public static class Booking
{
    public const string Ori = "TX0790000";

    public static object Body(Guid eventId, string bookingNumber, DateTimeOffset now) => new
    {
        eventId,
        occurredAt = Instant(now),
        data = new
        {
            model = "JEM",
            bookingNumber,
            bookedAt = Instant(now.AddMinutes(-30)),
            charges = new[] { new { code = "TX PC 49.04", description = "Driving while intoxicated", level = "Misdemeanor" } },
            subject = new { name = new { given = "Bench", family = "Subject" }, dateOfBirth = "1990-01-01" },
        },
    };

    public static string NewNumber() => $"BENCH-{Guid.NewGuid():N}"[..24];

    private static string Instant(DateTimeOffset value) => value.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
