using System.Globalization;
using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using CaseFlow.Server.Custody;
using CaseFlow.Server.Reports;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace CaseFlow.Server.Tests.Reports;

/// <summary>
/// A JEM agency in made-up state ZM (Chicago's zone) and a WSO agency in ZN (Denver's), of made-up field office ZZM,
/// with hand-built cases in April and May 2025 (FY2025, which no other test writes in), so May 2025's report is
/// known cell by cell. Built once for every test that reads it.
/// </summary>
public sealed class ReportScenario
{
    public const string Month = "2025-05";
    public static readonly SyntheticPlace Jem = new("ZM", "ZZM", "America/Chicago");
    public static readonly SyntheticPlace Wso = new("ZN", "ZZM", "America/Denver");
    private static readonly DateTimeOffset OfficersSince = new(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lock Gate = new();
    private static Task<ReportScenario>? _built;

    public required CaseScenario JemAgency { get; init; }
    public required CaseScenario WsoAgency { get; init; }

    public static Task<ReportScenario> Of(AppFixture app)
    {
        lock (Gate)
            return _built ??= Build(app);
    }

    public static string Analyst(AppFixture app) => app.Tokens.For(Roles.Analyst, subject: "analyst-reports");

    /// <summary>A report read as <paramref name="token"/> (an analyst unless given), in the form <paramref name="accept"/> asks for.</summary>
    public static Task<IScenarioResult> Read(AppFixture app, string url, string accept = "application/json", string? token = null, int status = 200) =>
        app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", accept);
            s.Bearer(token ?? Analyst(app));
            s.StatusCodeShouldBe(status);
        });

    /// <summary>The month proposed by an analyst and approved by an admin, its public variant stored; the version released.</summary>
    public static async Task<int> Release(AppFixture app, string month)
    {
        var version = await Approve(app, month, await Propose(app, month));
        await Disclosed(app, month, version);
        return version;
    }

    /// <summary>The month's draft proposed for release by an analyst: the proposal's id.</summary>
    public static async Task<Guid> Propose(AppFixture app, string month) =>
        (await (await app.Host.Post(Analyst(app), $"/api/reports/monthly/{month}/release-proposals", new { eventId = Guid.NewGuid() }, 202))
            .ReadAsJsonAsync<ReportReleaseAnswer>()).ProposalId;

    /// <summary>The proposal approved by an admin (its public variant is made after the answer): the version released.</summary>
    public static async Task<int> Approve(AppFixture app, string month, Guid proposalId, string admin = "admin-public-variant")
    {
        var approval = await app.Host.Post(app.Tokens.For(Roles.Admin, subject: admin), $"/api/reports/monthly/{month}/approvals",
            new { proposalId, publicAffairsReference = "OPA-2025-0150", privacyOfficeReference = "PRIV-2025-0081" }, 200);
        return (await approval.ReadAsJsonAsync<ReportReleaseAnswer>()).ReleasedVersion!.Value;
    }

    /// <summary>
    /// Returns once the public variant of the release is stored: the handler run here takes the program-wide lock the
    /// queued delivery takes and does nothing once the variant is stored, so whichever runs first, it is stored on return.
    /// </summary>
    public static async Task Disclosed(AppFixture app, string month, int version)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>()
            .InvokeAsync(new PublicVariantDue(month, version), TestContext.Current.CancellationToken, TimeSpan.FromMinutes(3));
    }

    private static async Task<ReportScenario> Build(AppFixture app)
    {
        var jem = await CaseScenario.Create(app, place: Jem, since: OfficersSince);
        var wso = await CaseScenario.Create(app, ProgramModel.WSO, place: Wso, since: OfficersSince);

        // J1: screened and found removable in April (an April encounter); its detainer lodged, ICE told within the
        // day, a charging document prepared in May, and the hold on its release eligibility expired in May.
        var j1 = await jem.Book(referredAt: Instant("2025-04-10T09:30:00-05:00"));
        await Screen(jem, j1, "2025-04-10T10:00:00-05:00");
        await jem.Post(j1, "DetainerPrepared", new { preparedAt = "2025-05-02T09:00:00-05:00", bases = new[] { "BiometricAndRecords" }, warrantType = "I-200" });
        await jem.Decide(j1, "DetainerApproved", new { approvedAt = "2025-05-02T09:30:00-05:00" });
        await jem.Post(j1, "DetainerLodged", new { lodgedAt = "2025-05-02T10:00:00-05:00" });
        await jem.Post(j1, "DetainerServedOnSubject", new { servedAt = "2025-05-02T10:10:00-05:00", method = "in person" });
        await jem.Post(j1, "IceNotifiedOfDetainer", new { notifiedAt = "2025-05-02T11:00:00-05:00" }, officer: null);
        await jem.Post(j1, "I213Prepared", new { preparedAt = "2025-05-03T09:00:00-05:00", documentRef = "I213-5501" });
        await jem.Post(j1, "ChargingDocumentPrepared", new { preparedAt = "2025-05-03T09:10:00-05:00", documentType = "NoticeToAppear", charges = new[] { "212(a)(6)(A)(i)" } });
        var eligible = Instant("2025-05-10T08:00:00-05:00");
        var released = await (await jem.Post(j1, "ReleaseEligible", new { at = Envelopes.Instant(eligible) }, officer: null)).ReadAsJsonAsync<AppendResult>();
        var hold = released.AppendedByCaseFlow.Single(e => e.Type == nameof(HoldStarted)).EventId;
        // The deadline passed long ago, so its timer fires at once; delivered here too, it expires the hold exactly once.
        await app.Host.InvokeMessageAndWaitAsync(new HoldDeadlineReached(j1, hold, eligible + HoldPolicy.Limit));

        // J2: screened and found removable in May (a May encounter). J3: screened in May only.
        var j2 = await jem.Book(referredAt: Instant("2025-05-03T09:00:00-05:00"));
        await Screen(jem, j2, "2025-05-03T09:30:00-05:00");
        var j3 = await jem.Book(referredAt: Instant("2025-05-20T14:00:00-05:00"));
        await jem.Post(j3, "ScreeningOpened", new { openedAt = "2025-05-20T14:30:00-05:00" });

        // W1: ICE's warrant and detainer on a person in the WSO agency's jail, lodged by ICE in May.
        var w1 = await wso.Book(referredAt: Instant("2025-05-05T08:00:00-06:00"));
        await wso.Decide(w1, "WarrantReceivedFromIce", new { receivedAt = "2025-05-05T08:30:00-06:00", warrantType = "I-205", iceDetainerRef = "ICE-DET-5501" });
        await wso.Decide(w1, "DetainerLodged", new { lodgedAt = "2025-05-05T09:00:00-06:00" });

        await app.Host.StatisticsHaveApplied(j1, j2, j3, w1);
        return new ReportScenario { JemAgency = jem, WsoAgency = wso };
    }

    private static async Task Screen(CaseScenario agency, Guid caseId, string opened)
    {
        var at = Instant(opened);
        string Later(int minutes) => Envelopes.Instant(at.AddMinutes(minutes));
        await agency.Post(caseId, "ScreeningOpened", new { openedAt = opened });
        await agency.Post(caseId, "RecordsCheckCompleted", new { completedAt = Later(5), systemsChecked = new[] { "IDENT", "EID" }, biometricMatch = true, priorConvictions = Array.Empty<object>() });
        await agency.Post(caseId, "InterviewConducted", new { conductedAt = Later(10), interpreterOffered = true, interpreterUsed = false });
        await agency.Post(caseId, "DeterminationRecorded", new { determinedAt = Later(15), outcome = "Removable", citizenshipCountry = "MX" });
    }

    public static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>A row's figures in the order of <see cref="ReportMeasures.All"/>, each (month, fiscal year to date, change).</summary>
    public static IReadOnlyList<ReportFigure> Figures(params (int Month, int ToDate, int Change)[] figures) =>
        [.. ReportMeasures.All.Zip(figures, (m, f) => new ReportFigure(m.Name, f.Month, f.ToDate, f.Change))];
}
