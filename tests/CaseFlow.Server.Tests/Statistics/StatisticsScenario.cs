using System.Globalization;
using CaseFlow.Server.Security;
using CaseFlow.Server.Statistics;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using Alba;

namespace CaseFlow.Server.Tests.Statistics;

/// <summary>
/// Two made-up JEM agencies of one made-up field office (ZZS): one in Los Angeles' zone (state ZP), one in New York's
/// (state ZE), with officers authorized since September 2025 and hand-built cases whose steps cross local midnights, a
/// DST change and the fiscal-year boundary, plus a void. The amendment and the late fact are left to the tests.
/// </summary>
public sealed class StatisticsScenario
{
    public const string FieldOffice = "ZZS";
    public static readonly SyntheticPlace Pacific = new("ZP", FieldOffice, "America/Los_Angeles");
    public static readonly SyntheticPlace Eastern = new("ZE", FieldOffice, "America/New_York");
    private static readonly DateTimeOffset OfficersSince = new(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lock Gate = new();
    private static Task<StatisticsScenario>? _built;

    public required CaseScenario West { get; init; }
    public required CaseScenario East { get; init; }

    /// <summary>E1: crosses the fiscal year at New York's midnight; its charges are amended by a test.</summary>
    public required Guid BoundaryCase { get; init; }

    /// <summary>E2: booked in August; a test records its August release late.</summary>
    public required Guid LateCase { get; init; }
    public required IReadOnlyList<Guid> Cases { get; init; }

    /// <summary>Built once for every test that reads it (its states and field office are its own, so its numbers are exact).</summary>
    public static Task<StatisticsScenario> Of(AppFixture app)
    {
        lock (Gate)
            return _built ??= Build(app);
    }

    public string Supervisor(AppFixture app) => app.Tokens.For(Roles.Supervisor, fieldOffice: FieldOffice, subject: "supervisor-zzs");

    public static async Task<StatisticsAnswer> Read(AppFixture app, string token, string url) =>
        await (await app.Host.GetAs(token, url)).ReadAsJsonAsync<StatisticsAnswer>();

    private static async Task<StatisticsScenario> Build(AppFixture app)
    {
        var west = await CaseScenario.Create(app, place: Pacific, since: OfficersSince);
        var east = await CaseScenario.Create(app, place: Eastern, since: OfficersSince);

        // P1: booked Feb 28 at 22:00 PST (already March 1 in UTC); the detainer is lodged ten minutes past local midnight.
        var p1 = await west.Book(referredAt: Instant("2026-02-28T22:30:00-08:00"));
        await Screen(west, p1, "2026-02-28T22:40:00-08:00", "2026-02-28T22:45:00-08:00", "2026-02-28T22:50:00-08:00", "2026-02-28T23:00:00-08:00", "MX");
        await west.Post(p1, "DetainerPrepared", new { preparedAt = "2026-02-28T23:10:00-08:00", bases = new[] { "BiometricAndRecords" }, warrantType = "I-200" });
        await west.Decide(p1, "DetainerApproved", new { approvedAt = "2026-02-28T23:30:00-08:00" });
        await west.Post(p1, "DetainerLodged", new { lodgedAt = "2026-03-01T00:10:00-08:00" });
        await west.Post(p1, "DetainerServedOnSubject", new { servedAt = "2026-03-01T00:20:00-08:00", method = "in person" });
        await west.Post(p1, "IceNotifiedOfDetainer", new { notifiedAt = "2026-03-01T09:00:00-08:00" }, officer: null);

        // P2: booked March 31 at 20:30 PDT; screened at 00:30 PDT on April 1, which a fixed PST offset would put in March.
        var p2 = await west.Book(referredAt: Instant("2026-03-31T21:00:00-07:00"));
        await west.Post(p2, "ScreeningOpened", new { openedAt = "2026-04-01T00:30:00-07:00" });
        await west.Post(p2, "CitizenshipClaimAsserted", new { assertedAt = "2026-04-01T01:00:00-07:00", how = "Interview" }, officer: null);
        await west.Post(p2, "CitizenshipClaimReported", new { reportedAt = "2026-04-01T01:30:00-07:00", reportedTo = "ERO duty officer" }, officer: null);
        await west.Decide(p2, "CitizenshipClaimResolved", new { resolvedAt = "2026-04-02T01:00:00-07:00", outcome = "NotSubstantiated" });

        // P3: its screening is voided.
        var p3 = await west.Book(referredAt: Instant("2026-02-10T10:00:00-08:00"));
        var screening = await (await west.Post(p3, "ScreeningOpened", new { openedAt = "2026-02-10T10:30:00-08:00" })).ReadAsJsonAsync<AppendResult>();
        await west.Post(p3, "EventVoided", new { voidedEventId = screening.EventId, reason = "Opened on the wrong booking." }, officer: null);

        // E1: booked Sep 30 at 20:00 EDT (October 1 in UTC), lodged 23:50 EDT, ICE told 24h10m later.
        var e1 = await east.Book(referredAt: Instant("2026-09-30T20:30:00-04:00"));
        await Screen(east, e1, "2026-09-30T21:00:00-04:00", "2026-09-30T21:05:00-04:00", "2026-09-30T21:10:00-04:00", "2026-09-30T21:20:00-04:00", "GT");
        await east.Post(e1, "DetainerPrepared", new { preparedAt = "2026-09-30T21:30:00-04:00", bases = new[] { "BiometricAndRecords", "StatementsOrEvidence" }, warrantType = "I-200" });
        await east.Decide(e1, "DetainerApproved", new { approvedAt = "2026-09-30T22:00:00-04:00" });
        await east.Post(e1, "DetainerLodged", new { lodgedAt = "2026-09-30T23:50:00-04:00" });
        await east.Post(e1, "DetainerServedOnSubject", new { servedAt = "2026-10-01T00:10:00-04:00", method = "in person" });
        await east.Post(e1, "IceNotifiedOfDetainer", new { notifiedAt = "2026-10-02T00:00:00-04:00" }, officer: null);

        // E2: booked and screened in August.
        var e2 = await east.Book(referredAt: Instant("2026-08-15T10:00:00-04:00"));
        await east.Post(e2, "ScreeningOpened", new { openedAt = "2026-08-15T10:30:00-04:00" });

        var cases = new[] { p1, p2, p3, e1, e2 };
        await app.Host.StatisticsHaveApplied(cases);
        return new StatisticsScenario { West = west, East = east, BoundaryCase = e1, LateCase = e2, Cases = cases };
    }

    private static async Task Screen(CaseScenario agency, Guid caseId, string opened, string checkedAt, string interviewed, string determined, string country)
    {
        await agency.Post(caseId, "ScreeningOpened", new { openedAt = opened });
        await agency.Post(caseId, "RecordsCheckCompleted", new { completedAt = checkedAt, systemsChecked = new[] { "IDENT", "EID" }, biometricMatch = true, priorConvictions = Array.Empty<object>() });
        await agency.Post(caseId, "InterviewConducted", new { conductedAt = interviewed, interpreterOffered = true, interpreterUsed = false });
        await agency.Post(caseId, "DeterminationRecorded", new { determinedAt = determined, outcome = "Removable", citizenshipCountry = country });
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
