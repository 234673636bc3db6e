using Alba;
using CaseFlow.Domain;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Security;
using Marten;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// A made-up agency with an agreement for one model, one designated officer authorized for it since <see cref="Start"/>
/// plus eight days, its jail system, and ICE supervisors of its field office: everything a case needs, unique to one test.
/// Written through the fixture's host unless another node (on a database of a test's own) is given.
/// </summary>
public sealed class CaseScenario(AppFixture app, IAlbaHost host, string ori, Guid officerId, ProgramModel model, string fieldOffice = SyntheticAgencies.FieldOffice)
{
    public const string Badge = "JEM-7";
    public static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddDays(-30);

    public string Ori => ori;
    public Guid OfficerId => officerId;
    public string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: ori, subject: $"jail-{ori}");
    public string Supervisor => app.Tokens.For(Roles.Supervisor, fieldOffice: fieldOffice, subject: "supervisor-a");

    /// <param name="alsoSigned">Another model the agency holds an agreement for (its officer is designated for <paramref name="model"/> only).</param>
    /// <param name="place">Where the agency is (Guam unless given).</param>
    /// <param name="since">When its officer was nominated (<see cref="Start"/> unless given); authorized eight days later.</param>
    /// <param name="node">The node to write through (the fixture's host unless given).</param>
    public static async Task<CaseScenario> Create(
        AppFixture app, ProgramModel model = ProgramModel.JEM, ProgramModel? alsoSigned = null, SyntheticPlace? place = null, DateTimeOffset? since = null,
        IAlbaHost? node = null)
    {
        place ??= SyntheticAgencies.Guam;
        var start = since ?? Start;
        var host = node ?? app.Host;
        var ori = await SyntheticAgencies.Sign(host.DocumentStore(), place, alsoSigned is { } other ? [model, other] : [model]);
        var agency = app.Tokens.For(Roles.ScreeningSystem, ori: ori);
        var ice = app.Tokens.For(Roles.Supervisor, fieldOffice: place.FieldOffice);
        var officerId = await host.Nominate(agency, Badge, start, model.ToString());
        await host.OfficerEvent(ice, officerId, "BackgroundCheckCompleted", new { completedAt = Envelopes.Instant(start.AddDays(1)), result = "Passed" });
        await host.OfficerEvent(ice, officerId, "TrainingCompleted", new
        {
            course = "287(g) basic", model = model.ToString(), completedAt = Envelopes.Instant(start.AddDays(5)), exams = new object[] { new { exam = "Law", score = 88 } },
        });
        await host.OfficerEvent(ice, officerId, "OfficerCertified", new { model = model.ToString(), certifiedAt = Envelopes.Instant(start.AddDays(6)) });
        await host.OfficerEvent(ice, officerId, "AuthorizationIssued", new
        {
            models = new[] { model.ToString() }, effectiveAt = Envelopes.Instant(start.AddDays(8)), letterRef = "FOD-SFR-1", form70006Ref = "70-006-1", credentialNumber = "C-1",
        });
        return new CaseScenario(app, host, ori, officerId, model, place.FieldOffice);
    }

    /// <summary>
    /// Books a person (a made-up one unless <paramref name="subject"/> is given) at the scenario's agency, referred at
    /// <paramref name="referredAt"/> (three hours ago unless given) and booked half an hour before, so the steps that
    /// follow can lie in the recent past.
    /// </summary>
    public async Task<Guid> Book(object? subject = null, DateTimeOffset? referredAt = null)
    {
        var at = referredAt ?? DateTimeOffset.UtcNow.AddHours(-3);
        return await host.StartCaseWith(Jail, Envelopes.Booking(
            Envelopes.NewBookingNumber(), model.ToString(), subject: subject, occurredAt: at, late: at < DateTimeOffset.UtcNow.AddDays(-2) ? true : null));
    }

    /// <summary>Posts one case event at its own instant; officer steps carry the officer's badge, and a time in the past is marked late.</summary>
    public Task<IScenarioResult> Post(Guid caseId, string type, object data, int status = 200, string? token = null, DateTimeOffset? occurredAt = null, string? officer = Badge)
    {
        var envelope = Envelopes.CaseEvent(type, data, occurredAt);
        if (officer is not null && token is null)
            envelope["officerId"] = officer;
        return host.Post(token ?? Jail, $"/api/cases/{caseId}/events", envelope, status);
    }

    public Task<IScenarioResult> Decide(Guid caseId, string type, object data, int status = 200, string? token = null) =>
        host.Post(token ?? Supervisor, $"/api/cases/{caseId}/events", Envelopes.CaseEvent(type, data), status);

    public async Task<CaseSummary> Summary(Guid caseId) => await (await host.GetAs(Jail, $"/api/cases/{caseId}")).ReadAsJsonAsync<CaseSummary>();

    public static string Now(int minutesAgo = 1) => Envelopes.Instant(DateTimeOffset.UtcNow.AddMinutes(-minutesAgo));

    /// <summary>From booking to a detainer in effect.</summary>
    public async Task DetainerInEffect(Guid caseId)
    {
        await Post(caseId, "ScreeningOpened", new { openedAt = Now(50) });
        await Post(caseId, "RecordsCheckCompleted", new { completedAt = Now(49), systemsChecked = new[] { "IDENT", "EID" }, biometricMatch = true });
        await Post(caseId, "InterviewConducted", new { conductedAt = Now(48), interpreterOffered = true, interpreterUsed = true, interpreterName = "Ana Ruiz", language = "es" });
        await Post(caseId, "DeterminationRecorded", new { determinedAt = Now(47), outcome = "Removable" });
        await Post(caseId, "DetainerPrepared", new { preparedAt = Now(46), bases = new[] { "BiometricAndRecords" }, warrantType = "I-200" });
        await Decide(caseId, "DetainerApproved", new { approvedAt = Now(45) });
        await Post(caseId, "DetainerLodged", new { lodgedAt = Now(44) });
        await Post(caseId, "DetainerServedOnSubject", new { servedAt = Now(43), method = "in person" });
        await Post(caseId, "IceNotifiedOfDetainer", new { notifiedAt = Now(42) }, officer: null);
    }

    /// <summary>A WSO case from ICE's warrant to the hold (CaseFlow starts it at the warrant's service) and the transfer to ICE, closed.</summary>
    public async Task WarrantServedAndTransferred(Guid caseId)
    {
        await Decide(caseId, "WarrantReceivedFromIce", new { receivedAt = Now(60), warrantType = "I-205", iceDetainerRef = "ICE-DET-1" });
        await Decide(caseId, "DetainerLodged", new { lodgedAt = Now(59) });
        await Post(caseId, "ReleaseEligible", new { at = Now(40) }, officer: null);
        await Post(caseId, "WarrantServed", new { servedAt = Now(39), warrantType = "I-205", interpreterName = "Language line 4471" });
        await Post(caseId, "IceNotifiedOfService", new { notifiedAt = Now(38) }, officer: null);
        await Post(caseId, "CustodyTransferredToIce", new { at = Now(10), iceOffice = "ERO San Francisco" }, officer: null);
        await Post(caseId, "CaseClosed", new { closedAt = Now(5), disposition = "TransferredToIce" }, officer: null);
    }

    /// <summary>From a detainer in effect to an approved package.</summary>
    public async Task Approved(Guid caseId)
    {
        await Post(caseId, "I213Prepared", new { preparedAt = Now(40), documentRef = "I213-77" });
        await Post(caseId, "ChargingDocumentPrepared", new { preparedAt = Now(39), documentType = "NoticeToAppear", charges = new[] { "212(a)(6)(A)(i)" } });
        await Post(caseId, "SubmittedForReview", new { submittedAt = Now(38), items = new[] { "I213", "ChargingDocument" } });
        await Decide(caseId, "ReviewApproved", new { signedAt = Now(37) });
    }
}
