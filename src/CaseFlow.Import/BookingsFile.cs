using System.Text.Json.Nodes;

namespace CaseFlow.Import;

/// <summary>
/// The bookings export: one row per booking referred to 287(g) processing (README, "caseflow-import"). The person's
/// identifiers go into the booking's <c>subject</c>, which CaseFlow keeps in its vault; they never reach the results file.
/// </summary>
public static class BookingsFile
{
    public static IEnumerable<ImportRow> Read(string path, string ori) => ExportFile.Read(path, ori, Row);

    private static ImportRow Row(CsvColumns columns, long line, string file, string ori)
    {
        var bookingNumber = columns.Required("booking_number");
        var bookedAt = columns.Instant("booked_at", required: true);
        var release = columns.Instant("scheduled_release", required: false);
        var data = new JsonObject
        {
            ["model"] = columns.Required("model"),
            ["bookingNumber"] = bookingNumber,
            ["bookedAt"] = bookedAt is { } booked ? CsvColumns.Format(booked) : null,
            ["charges"] = Charges(columns),
            ["subject"] = Subject(columns),
        };
        if (release is { } scheduled)
            data["scheduledRelease"] = CsvColumns.Format(scheduled);
        return columns.Row(file, line, bookingNumber, RowEventIds.BookingType, "referred_at", data,
            (_, _) => RowEventIds.Booking(ori, bookingNumber));
    }

    /// <summary><c>code|level|description</c> per charge, charges separated by <c>;</c>.</summary>
    private static JsonArray Charges(CsvColumns columns)
    {
        var charges = new JsonArray();
        foreach (var charge in columns.Required("charges").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = charge.Split('|', 3, StringSplitOptions.TrimEntries);
            if (parts.Length != 3)
            {
                columns.Problem("charges: each charge is code|level|description");
                continue;
            }
            charges.Add(new JsonObject { ["code"] = parts[0], ["level"] = parts[1], ["description"] = parts[2] });
        }
        return charges;
    }

    private static JsonObject Subject(CsvColumns columns)
    {
        var name = new JsonObject { ["given"] = columns.Required("given_name"), ["family"] = columns.Required("family_name") };
        if (columns.Optional("middle_name") is { } middle)
            name["middle"] = middle;
        var subject = new JsonObject { ["name"] = name, ["dateOfBirth"] = columns.Required("date_of_birth") };
        foreach (var (column, member) in new[] { ("a_number", "aNumber"), ("fbi_number", "fbiNumber"), ("state_id", "stateId") })
            if (columns.Optional(column) is { } value)
                subject[member] = value;
        return subject;
    }
}
