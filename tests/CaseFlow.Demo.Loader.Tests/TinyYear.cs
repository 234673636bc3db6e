using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Demo.Plan;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Security;

namespace CaseFlow.Demo.Loader.Tests;

/// <summary>
/// A hand-written year at one seeded WSO agency: its officer designated in the first days of October; case A booked,
/// ICE's warrant and detainer, release-eligible and served at <see cref="Served"/> (CaseFlow starts the hold, which no
/// one meets); case B booked and released the same day; on <see cref="BatchSent"/> an offline batch of case C's
/// booking and release that happened days before.
/// </summary>
public sealed class TinyYear : IDemoPlan
{
    public const string Badge = "DEMO-1";
    public static readonly DateTimeOffset Served = At("2025-10-10T17:00:00Z");
    public static readonly DateTimeOffset BookedA = At("2025-10-10T15:00:00Z");
    public static readonly DateTimeOffset BatchSent = At("2025-10-20T12:00:00Z");

    public static AgreementSigned Agency(IReadOnlyList<AgreementSigned> agreements) => agreements.Where(a => a.Model == ProgramModel.WSO).OrderBy(a => a.Ori, StringComparer.Ordinal).First();

    public IEnumerable<DemoWrite> Writes(DemoSettings settings, IReadOnlyList<AgreementSigned> agreements)
    {
        var agency = Agency(agreements);
        var jail = new DemoActor(Roles.ScreeningSystem, $"jail-{agency.Ori}", [new(CaseFlowClaims.Ori, agency.Ori)]);
        var ice = new DemoActor(Roles.Supervisor, $"supervisor-{agency.FieldOfficeCode}",
            [new(CaseFlowClaims.FieldOffice, agency.FieldOfficeCode), new(CaseFlowClaims.WarrantAuthority, "I-200 I-205")]);
        var officer = $"/api/officers/{OfficerId.For(agency.Ori, Badge)}/events";
        var start = At("2025-10-01T13:00:00Z");
        yield return Write(start, jail, "/api/officers", "OfficerNominated", new { badgeNumber = Badge, models = new[] { "WSO" } });
        yield return Write(start.AddDays(1), ice, officer, "BackgroundCheckCompleted", new { completedAt = Text(start.AddDays(1)), result = "Passed" });
        yield return Write(start.AddDays(5), ice, officer, "TrainingCompleted",
            new { course = "287(g) basic", model = "WSO", completedAt = Text(start.AddDays(5)), exams = new object[] { new { exam = "Law", score = 88 } } });
        yield return Write(start.AddDays(6), ice, officer, "OfficerCertified", new { model = "WSO", certifiedAt = Text(start.AddDays(6)) });
        yield return Write(start.AddDays(8), ice, officer, "AuthorizationIssued", new
        {
            models = new[] { "WSO" }, effectiveAt = Text(start.AddDays(8)), letterRef = "FOD-1", form70006Ref = "70-006-1", credentialNumber = "C-DEMO-1",
        });

        var caseA = $"/api/cases/{CaseId.For(agency.Ori, "DEMO-A")}/events";
        yield return Booking(BookedA, jail, "DEMO-A");
        yield return Booking(BookedA, jail, "DEMO-B");
        yield return Write(BookedA.AddMinutes(30), ice, caseA, "WarrantReceivedFromIce", new { receivedAt = Text(BookedA.AddMinutes(30)), warrantType = "I-200", iceDetainerRef = "ICE-DET-1" });
        yield return Write(BookedA.AddMinutes(40), ice, caseA, "DetainerLodged", new { lodgedAt = Text(BookedA.AddMinutes(40)) });
        yield return Write(BookedA.AddHours(1), jail, $"/api/cases/{CaseId.For(agency.Ori, "DEMO-B")}/events", "ReleasedFromLocalCustody",
            new { at = Text(BookedA.AddHours(1)), reason = "Bonded" });
        yield return Write(Served, jail, caseA, "ReleaseEligible", new { at = Text(Served) });
        var served = Write(Served, jail, caseA, "WarrantServed", new { servedAt = Text(Served), warrantType = "I-200" });
        served.Body["officerId"] = Badge;
        yield return served;

        var happened = BatchSent.AddDays(-5);
        var booking = Booking(happened, jail, "DEMO-C").Body;
        booking["late"] = true;
        var release = Envelope("ReleasedFromLocalCustody", happened.AddHours(2), new { at = Text(happened.AddHours(2)), reason = "Bonded" });
        release["caseId"] = CaseId.For(agency.Ori, "DEMO-C").ToString();
        release["late"] = true;
        yield return new DemoWrite(BatchSent, jail, "/api/events/batch", new JsonObject { ["events"] = new JsonArray(booking, release) });
    }

    public static DemoWrite Booking(DateTimeOffset at, DemoActor jail, string number) =>
        Write(at, jail, "/api/bookings", "BookingRecorded", new
        {
            model = "WSO", bookingNumber = number, bookedAt = Text(at.AddMinutes(-30)),
            charges = new[] { new { code = "TX PC 49.04", description = "Driving while intoxicated", level = "Misdemeanor" } },
            subject = new { name = new { given = "Demo", family = $"Person{number[^1]}" }, dateOfBirth = "1990-02-03" },
        });

    public static DemoWrite Write(DateTimeOffset at, DemoActor by, string path, string type, object data) => new(at, by, path, Envelope(type, at, data));

    private static JsonObject Envelope(string type, DateTimeOffset at, object data) => new()
    {
        ["eventId"] = Guid.NewGuid().ToString(),
        ["type"] = type,
        ["occurredAt"] = Text(at),
        ["data"] = JsonSerializer.SerializeToNode(data),
    };

    public static string Text(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
