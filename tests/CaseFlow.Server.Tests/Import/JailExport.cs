using System.Globalization;
using CaseFlow.Server.Tests.Infrastructure;
using CsvHelper;

namespace CaseFlow.Server.Tests.Import;

/// <summary>A jail management system's export in caseflow-import's CSV layout, written to a folder of its own.</summary>
public sealed class JailExport : IDisposable
{
    public const string FamilyName = "Exportperson";
    public const string ANumber = "A098765432";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("caseflow-import-");
    private readonly List<string> bookings = ["booking_number,model,booked_at,referred_at,charges,given_name,family_name,date_of_birth,a_number"];
    private readonly List<string> steps = ["booking_number,type,occurred_at,officer_badge,data"];

    public string Bookings => Path.Combine(folder.FullName, "bookings.csv");
    public string Steps => Path.Combine(folder.FullName, "steps.csv");
    public string Results => Path.Combine(folder.FullName, "results.csv");

    public JailExport Booking(string bookingNumber, string model = "JEM", int minutesAgo = 60, string charges = "TX PC 49.04|Misdemeanor|Driving while intoxicated")
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo);
        bookings.Add($"{bookingNumber},{model},{Envelopes.Instant(at.AddMinutes(-30))},{Envelopes.Instant(at)},\"{charges}\",Alex,{FamilyName},1990-02-03,{ANumber}");
        return this;
    }

    public JailExport Step(string bookingNumber, string type, string occurredAt, string data, string? badge = CaseScenario.Badge)
    {
        steps.Add($"{bookingNumber},{type},{occurredAt},{badge},\"{data.Replace("\"", "\"\"")}\"");
        return this;
    }

    public string[] Arguments(string ori, string token, int batchSize) =>
    [
        "--server", "http://localhost", "--ori", ori, "--bookings", Write(Bookings, bookings), "--steps", Write(Steps, steps),
        "--results", Results, "--batch-size", batchSize.ToString(CultureInfo.InvariantCulture),
        "--token-file", Write(Path.Combine(folder.FullName, "token"), [token]),
    ];

    /// <summary>The results file's rows, by column name.</summary>
    public IReadOnlyList<IDictionary<string, object>> ResultRows()
    {
        using var reader = new StreamReader(Results);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Select(row => (IDictionary<string, object>)row).ToList();
    }

    private static string Write(string path, List<string> lines)
    {
        File.WriteAllLines(path, lines);
        return path;
    }

    public void Dispose() => folder.Delete(recursive: true);
}
