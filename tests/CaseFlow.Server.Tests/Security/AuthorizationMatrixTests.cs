using System.Text.Json;
using Alba;
using CaseFlow.Domain;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// design.md's "Who may do what", as a table: every endpoint (and, where a body names an event type, every event
/// type) × every kind of caller, inside and outside the object's agency or field office. Allowed means the well-formed
/// sample request reached the rules (any answer but 400, 401, 403 or 404); forbidden is 403; out of scope is 404, so
/// nothing of another agency is revealed; a list outside the caller's scope names none of the object's agency. An
/// endpoint or event type the table does not name fails the completeness tests.
/// </summary>
public class AuthorizationMatrixTests(AppFixture app)
{
    private enum Caller { Jail, Officer, OtherJail, Supervisor, OtherSupervisor, Auditor, Analyst, Admin }

    private enum Expect { Allowed, Forbidden, Invisible, EmptyResult, OwnScopeOnly }

    private const Expect A = Expect.Allowed, F = Expect.Forbidden, N = Expect.Invisible, E = Expect.EmptyResult, S = Expect.OwnScopeOnly;

    /// <summary>The case events ICE supervisors record (design.md: review decisions, claim resolutions, detainer lifts; ICE's request for notice of release).</summary>
    private static readonly string[] SupervisorCaseEvents =
        ["CitizenshipClaimResolved", "DetainerApproved", "DetainerReturned", "DetainerLifted", "ReviewReturnedForCorrection", "ReviewApproved",
            "ReleaseNotificationRequested", "ReviewClaimed"];

    /// <summary>The jail's facts and its designated officers' steps.</summary>
    private static readonly string[] AgencyCaseEvents =
    [
        "ScreeningOpened", "RecordsCheckCompleted", "InterviewConducted", "CitizenshipClaimAsserted", "CitizenshipClaimReported",
        "DeterminationRecorded", "DetainerPrepared", "DetainerServedOnSubject", "IceNotifiedOfDetainer", "I213Prepared",
        "ChargingDocumentPrepared", "SubmittedForReview", "ChargingDocumentServed", "ScheduledReleaseSet", "ReleaseEligible",
        "WarrantServed", "CustodyTransferredToIce", "ReleasedFromLocalCustody", "ChargesAmended",
        "TransferredToAgency", "IceNotifiedOfService",
    ];

    //                                               Jail Officer OtherJail Supervisor OtherSup Auditor Analyst Admin
    private static readonly Expect[] AgencyWrite = [A, A, A, F, F, F, F, F];
    private static readonly Expect[] AgencyCaseWrite = [A, A, N, F, F, F, F, F];
    private static readonly Expect[] SupervisorCaseWrite = [F, F, F, A, N, F, F, F];
    private static readonly Expect[] SharedCaseWrite = [A, A, N, A, N, F, F, F];
    // A type either side posts under some model: on a case out of scope 404 for both sides, on a visible one 403 for the side the model excludes.
    private static readonly Expect[] JailUnderThisModel = [A, A, N, F, N, F, F, F];
    private static readonly Expect[] IceUnderThisModel = [F, F, N, A, N, F, F, F];
    private static readonly Expect[] CaseRead = [A, A, N, A, N, A, F, F];
    private static readonly Expect[] CaseSearch = [A, A, E, A, E, A, F, F];
    private static readonly Expect[] GovernanceList = [A, A, S, A, S, A, A, A];
    private static readonly Expect[] GovernanceRead = [A, A, N, A, N, A, A, A];
    private static readonly Expect[] ComplaintRead = [A, A, N, A, N, A, F, A];
    private static readonly Expect[] AdminOnly = [F, F, F, F, F, F, F, A];
    private static readonly Expect[] AuditorOnly = [F, F, F, F, F, A, F, F];
    private static readonly Expect[] AuditorOrAdmin = [F, F, F, F, F, A, F, A];
    private static readonly Expect[] AgencyGovernanceWrite = [A, A, A, F, F, F, F, A];
    private static readonly Expect[] OfficerSteps = [F, F, F, A, N, F, F, A];
    private static readonly Expect[] ComplaintWrite = [A, A, N, F, F, F, F, A];
    private static readonly Expect[] AgencyFeed = [A, A, A, F, F, F, F, F];
    private static readonly Expect[] Queue = [F, F, F, A, E, A, F, F];
    // Statistics: an agency's own (as governance reads), the field office's for its supervisors, every wider roll-up for auditors, analysts and admins.
    private static readonly Expect[] FieldOfficeStatistics = [N, N, N, A, N, A, A, A];
    private static readonly Expect[] WideStatistics = [N, N, N, N, N, A, A, A];
    // The monthly report: drafts for auditors, analysts and admins; releases for everyone; an analyst proposes, an admin approves.
    private static readonly Expect[] ReportDraft = [F, F, F, F, F, A, A, A];
    private static readonly Expect[] Everyone = [A, A, A, A, A, A, A, A];
    private static readonly Expect[] AnalystOnly = [F, F, F, F, F, F, A, F];

    /// <summary>The month the matrix releases and proposes again.</summary>
    private const string ReportMonth = "2024-12";

    /// <summary>The supervisors' queues, each asked for the world's agency: another field office's supervisor gets an empty page.</summary>
    private static readonly string[] Queues = ["review", "detainers", "releases", "deadlines", "citizenship-claims"];

    /// <summary>
    /// The case events whose author depends on the model, or that either side records, with a row for a case of each
    /// model: under JEM the jail's designated officer lodges the detainer ICE approved, under WSO ICE lodges its own with
    /// its warrant (domain.md 1.2 J5, 1.3 W1); ICE sends its warrant under WSO (a JEM case refuses it by rule); either
    /// side closes or voids.
    /// </summary>
    private static readonly (string Type, Expect[] Jem, Expect[] Wso)[] PerModelCaseEvents =
    [
        ("DetainerLodged", JailUnderThisModel, IceUnderThisModel),
        ("WarrantReceivedFromIce", SupervisorCaseWrite, SupervisorCaseWrite),
        ("CaseClosed", SharedCaseWrite, SharedCaseWrite),
        ("EventVoided", SharedCaseWrite, SharedCaseWrite),
    ];

    /// <summary>The objects the rows aim at; <see cref="AdminActsFor"/> is the agency an admin names in governance records (agencies name none).</summary>
    private sealed record World(
        string Ori, Guid OfficerId, Guid CaseId, Guid WsoCaseId, string BookingNumber, Guid ComplaintId, Guid SubjectRef, string ANumber, Guid OrderId, Guid ReportProposalId)
    {
        public string? AdminActsFor { get; init; }
    }

    private sealed record Row(string Method, string Route, string? EventType, Expect[] Expected, Func<World, string> Url, Func<World, object?> Body);

    private static object Envelope(string type, object data) => GovernanceClient.Envelope(type, data);

    private static IEnumerable<Row> Rows()
    {
        yield return new("GET", "/api/agreements", null, GovernanceList, _ => "/api/agreements?limit=5", _ => null);
        yield return new("GET", "/api/agreements/{ori}/{model}", null, GovernanceRead, w => $"/api/agreements/{w.Ori}/JEM", _ => null);
        foreach (var type in PostAgreementEventEndpoint.Kinds.Keys)
            yield return new("POST", "/api/agreements/{ori}/{model}/events", type, AdminOnly, w => $"/api/agreements/{w.Ori}/JEM/events", _ => Envelope(type, GovernanceSamples.AgreementEvents()[type]));
        yield return new("GET", "/api/officers", null, GovernanceList, _ => "/api/officers", _ => null);
        yield return new("GET", "/api/boards/officers", null, GovernanceList, _ => "/api/boards/officers", _ => null);
        yield return new("GET", "/api/boards/agreements", null, GovernanceList, _ => "/api/boards/agreements", _ => null);
        yield return new("GET", "/api/officers/{officerId}", null, GovernanceRead, w => $"/api/officers/{w.OfficerId}", _ => null);
        yield return new("POST", "/api/officers", "OfficerNominated", AgencyGovernanceWrite, _ => "/api/officers",
            w => Envelope("OfficerNominated", new { badgeNumber = $"M-{Guid.NewGuid():N}"[..12], models = new[] { "JEM" }, ori = w.AdminActsFor }));
        foreach (var (type, data) in GovernanceSamples.OfficerSteps())
            yield return new("POST", "/api/officers/{officerId}/events", type, OfficerSteps, w => $"/api/officers/{w.OfficerId}/events", _ => Envelope(type, data));
        yield return new("POST", "/api/complaints", "ComplaintReceived", AgencyGovernanceWrite, _ => "/api/complaints",
            w => Envelope("ComplaintReceived", new { complaintNumber = $"IA-{Guid.NewGuid():N}"[..12], againstBadgeNumber = CaseScenario.Badge, learnedAt = CaseScenario.Now(30), ori = w.AdminActsFor }));
        yield return new("GET", "/api/complaints/{complaintId}", null, ComplaintRead, w => $"/api/complaints/{w.ComplaintId}", _ => null);
        foreach (var (type, data) in GovernanceSamples.ComplaintSteps())
            yield return new("POST", "/api/complaints/{complaintId}/events", type, ComplaintWrite, w => $"/api/complaints/{w.ComplaintId}/events", _ => Envelope(type, data));
        yield return new("POST", "/api/bookings", "BookingRecorded", AgencyWrite, _ => "/api/bookings", _ => Envelopes.Booking(Envelopes.NewBookingNumber()));
        yield return new("POST", "/api/events/batch", null, AgencyWrite, _ => "/api/events/batch",
            _ => new { events = new[] { Envelopes.Booking(Envelopes.NewBookingNumber()) } });
        yield return new("GET", "/api/cases", null, CaseSearch, w => $"/api/cases?ori={w.Ori}&bookingNumber={w.BookingNumber}", _ => null);
        yield return new("GET", "/api/cases", "search", CaseSearch, w => $"/api/cases?ori={w.Ori}&status=Booked&model=JEM", _ => null);
        foreach (var queue in Queues)
            yield return new("GET", $"/api/queues/{queue}", null, Queue, w => $"/api/queues/{queue}?ori={w.Ori}", _ => null);
        yield return new("GET", "/api/statistics/jurisdictions/{ori}", null, GovernanceRead, w => $"/api/statistics/jurisdictions/{w.Ori}?fy=2026", _ => null);
        yield return new("GET", "/api/statistics/field-offices/{code}", null, FieldOfficeStatistics,
            _ => $"/api/statistics/field-offices/{SyntheticAgencies.FieldOffice}?fy=2026", _ => null);
        yield return new("GET", "/api/statistics/states/{state}", null, WideStatistics, _ => $"/api/statistics/states/{SyntheticAgencies.State}?fy=2026", _ => null);
        yield return new("GET", "/api/statistics/national", null, WideStatistics, _ => "/api/statistics/national?month=2026-02", _ => null);
        yield return new("GET", "/api/cases/{caseId}", null, CaseRead, w => $"/api/cases/{w.CaseId}", _ => null);
        yield return new("GET", "/api/cases/{caseId}/history", null, CaseRead, w => $"/api/cases/{w.CaseId}/history", _ => null);
        yield return new("GET", "/api/cases/{caseId}/integrity", null, AuditorOnly, w => $"/api/cases/{w.CaseId}/integrity", _ => null);
        yield return new("GET", "/api/cases/{caseId}/state", null, AuditorOnly, w => $"/api/cases/{w.CaseId}/state?version=1", _ => null);
        yield return new("GET", "/api/cases/{caseId}/diff", null, AuditorOnly, w => $"/api/cases/{w.CaseId}/diff?from=1&to=2", _ => null);
        yield return new("GET", "/api/cases/{caseId}/export", null, AuditorOnly, w => $"/api/cases/{w.CaseId}/export", _ => null);
        yield return new("GET", "/api/audit/integrity", null, AuditorOnly, _ => "/api/audit/integrity", _ => null);
        yield return new("POST", "/api/audit/checkpoints", null, AuditorOrAdmin, _ => "/api/audit/checkpoints", _ => null);
        foreach (var (types, expected) in new[] { (AgencyCaseEvents, AgencyCaseWrite), (SupervisorCaseEvents, SupervisorCaseWrite) })
        {
            foreach (var type in types)
                yield return CaseEventRow(type, expected, w => w.CaseId);
        }

        foreach (var (type, jem, wso) in PerModelCaseEvents)
        {
            yield return CaseEventRow(type, jem, w => w.CaseId) with { EventType = $"{type} (JEM)" };
            yield return CaseEventRow(type, wso, w => w.WsoCaseId) with { EventType = $"{type} (WSO)" };
        }

        yield return new("GET", "/api/subjects/search", null, CaseSearch, w => $"/api/subjects/search?aNumber={w.ANumber}", _ => null);
        yield return new("POST", "/api/subjects/search", null, CaseSearch, _ => "/api/subjects/search", w => new { aNumber = w.ANumber });
        yield return new("GET", "/api/subjects/{subjectRef}", null, CaseRead, w => $"/api/subjects/{w.SubjectRef}", _ => null);
        yield return new("POST", "/api/subjects/{subjectRef}/orders", null, AdminOnly, w => $"/api/subjects/{w.SubjectRef}/orders",
            _ => new { action = "seal", legalBasis = "sealing-order", orderReference = "MATRIX-1", eventId = Guid.NewGuid() });
        yield return new("POST", "/api/subjects/{subjectRef}/orders/{orderId}/approval", null, AdminOnly,
            w => $"/api/subjects/{w.SubjectRef}/orders/{w.OrderId}/approval", _ => null);
        yield return new("GET", "/api/reports/monthly/{month}", null, ReportDraft, _ => $"/api/reports/monthly/{ReportMonth}", _ => null);
        yield return new("GET", "/api/reports/monthly/{month}/released", null, Everyone, _ => $"/api/reports/monthly/{ReportMonth}/released", _ => null);
        yield return new("GET", "/api/reports/monthly/{month}/released", null, Everyone, _ => $"/api/reports/monthly/{ReportMonth}/released?variant=public", _ => null);
        yield return new("GET", "/api/reports/monthly/{month}/released.html", null, Everyone, _ => $"/api/reports/monthly/{ReportMonth}/released.html", _ => null);
        yield return new("GET", "/api/reports/monthly/{month}/release-proposals/pending", null, ReportDraft, _ => $"/api/reports/monthly/{ReportMonth}/release-proposals/pending", _ => null);
        yield return new("POST", "/api/reports/monthly/{month}/approvals", null, AdminOnly, _ => $"/api/reports/monthly/{ReportMonth}/approvals",
            w => new { proposalId = w.ReportProposalId, publicAffairsReference = "OPA-2024-1201", privacyOfficeReference = "PRIV-2024-1202" });
        yield return new("POST", "/api/reports/monthly/{month}/release-proposals", null, AnalystOnly, _ => $"/api/reports/monthly/{ReportMonth}/release-proposals",
            _ => new { eventId = Guid.NewGuid() });
        yield return new("GET", "/api/feed", null, AgencyFeed, _ => "/api/feed", _ => null);
        yield return new("GET", "/api/operations/projections", null, AdminOnly, _ => "/api/operations/projections", _ => null);
        yield return new("GET", "/api/operations/dead-letters", null, AdminOnly, _ => "/api/operations/dead-letters", _ => null);
        yield return new("GET", "/api/audit/access", null, AuditorOnly, _ => "/api/audit/access?limit=1", _ => null);
        yield return new("GET", "/api/audit/exceptions", null, AuditorOnly, w => $"/api/audit/exceptions?ori={w.Ori}&limit=1", _ => null);
        yield return new("GET", "/api/operations/vault", null, AdminOnly, _ => "/api/operations/vault", _ => null);
        yield return new("GET", "/api/operations/vault/erasures", null, AdminOnly, _ => "/api/operations/vault/erasures?limit=1", _ => null);
        yield return new("POST", "/api/operations/vault/rewrap", null, AdminOnly, _ => "/api/operations/vault/rewrap", _ => new { });
    }

    private static Row CaseEventRow(string type, Expect[] expected, Func<World, Guid> caseOf) =>
        new("POST", "/api/cases/{caseId}/events", type, expected, w => $"/api/cases/{caseOf(w)}/events", _ => Envelopes.CaseEvent(type, ServerJson.Data(EventExamples.Case[type])));

    private string TokenOf(Caller caller, World world, string otherOri) => caller switch
    {
        Caller.Jail => app.Tokens.For(Roles.ScreeningSystem, ori: world.Ori),
        Caller.Officer => app.Tokens.For(Roles.Officer, ori: world.Ori, officerId: CaseScenario.Badge),
        Caller.OtherJail => app.Tokens.For(Roles.ScreeningSystem, ori: otherOri),
        Caller.Supervisor => app.Tokens.For(Roles.Supervisor, fieldOffice: SyntheticAgencies.FieldOffice),
        Caller.OtherSupervisor => app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"),
        Caller.Auditor => app.Tokens.For(Roles.Auditor),
        Caller.Analyst => app.Tokens.For(Roles.Analyst),
        _ => app.Tokens.For(Roles.Admin),
    };

    [Fact]
    public void every_endpoint_of_the_host_has_rows()
    {
        var covered = Rows().Select(r => $"{r.Method} {r.Route}").ToHashSet();
        var endpoints = ApiRoutes.Of(app.Host).Select(r => $"{r.Method} {r.Endpoint.RoutePattern.RawText}").ToList();

        endpoints.ShouldNotBeEmpty();
        endpoints.Where(e => !covered.Contains(e)).ShouldBeEmpty("endpoints without a row in the authorization matrix");
    }

    [Fact]
    public void every_governance_event_type_has_a_row()
    {
        GovernanceSamples.OfficerSteps().Keys.Order().ShouldBe(PostOfficerEventEndpoint.Kinds.Keys.Order());
        GovernanceSamples.ComplaintSteps().Keys.Order().ShouldBe(PostComplaintEventEndpoint.Kinds.Keys.Order());
    }

    [Fact]
    public void every_case_event_type_has_a_row()
    {
        AgencyCaseEvents.Concat(SupervisorCaseEvents).Concat(PerModelCaseEvents.Select(e => e.Type)).Order()
            .ShouldBe(CaseEventKinds.ByType.Keys.Order(), "case event types without a row, or rows for types that cannot be posted");
    }

    /// <summary>
    /// Event types no caller posts through an event endpoint, each with where its authorization is tested instead.
    /// A new event type must be posted through a row above or named here, or this fails.
    /// </summary>
    private static readonly Dictionary<string, string> EventsWithoutAnEventEndpoint = new()
    {
        ["AgreementSigned"] = "the seed of ICE's published list, at start-up: no caller",
        ["BookingRecorded"] = "POST /api/bookings row",
        ["OfficerNominated"] = "POST /api/officers row",
        ["ComplaintReceived"] = "POST /api/complaints row",
        ["HoldStarted"] = "CaseFlow appends it after the event that made it due; posting it is 403 appended-by-caseflow (HoldClockTests)",
        ["HoldExpired"] = "the hold deadline's own handler: no caller",
        ["HoldWithdrawn"] = "CaseFlow appends it with the void that removed the hold's basis (CaseVoidTests)",
        ["SubjectOrderProposed"] = "POST /api/subjects/{subjectRef}/orders row",
        ["SubjectSealed"] = "POST /api/subjects/{subjectRef}/orders/{orderId}/approval row",
        ["SubjectErased"] = "POST /api/subjects/{subjectRef}/orders/{orderId}/approval row",
        ["ReportReleaseProposed"] = "POST /api/reports/monthly/{month}/release-proposals row",
        ["ReportReleaseApproved"] = "POST /api/reports/monthly/{month}/approvals row",
    };

    [Fact]
    public void every_event_type_of_the_catalogue_is_covered()
    {
        var posted = CaseEventKinds.ByType.Keys.Concat(PostOfficerEventEndpoint.Kinds.Keys).Concat(PostComplaintEventEndpoint.Kinds.Keys)
            .Concat(PostAgreementEventEndpoint.Kinds.Keys).Concat(EventsWithoutAnEventEndpoint.Keys);

        EventCatalogue.All.Select(t => t.Name).Except(posted).ShouldBeEmpty("event types neither posted through a row nor named with where they are covered");
    }

    [Fact]
    public async Task every_caller_gets_what_design_md_says()
    {
        var scenario = await CaseScenario.Create(app, alsoSigned: Domain.ProgramModel.WSO);
        var wsoCaseId = await app.Host.StartCaseWith(scenario.Jail, Envelopes.Booking(Envelopes.NewBookingNumber(), "WSO"));
        var bookingNumber = Envelopes.NewBookingNumber();
        var person = SubjectClient.NewPerson();
        var caseId = await app.Host.StartCaseWith(scenario.Jail, Envelopes.Booking(bookingNumber, subject: SubjectClient.Subject(person.ANumber, person.FbiNumber)));
        var subjectRef = Domain.Cases.CaseId.SubjectRefFor(caseId);
        var orderId = Guid.NewGuid();
        await app.Host.Propose(app.Tokens.For(Roles.Admin, subject: "matrix-proposer"), subjectRef, "seal", "sealing-order", eventId: orderId);
        var complaint = await app.Host.Post(scenario.Jail, "/api/complaints", Envelope("ComplaintReceived",
            new { complaintNumber = "IA-MATRIX", againstBadgeNumber = CaseScenario.Badge, learnedAt = CaseScenario.Now(60) }), 201);
        // A released month everyone reads, and a proposal waiting for an admin.
        var analyst = app.Tokens.For(Roles.Analyst, subject: "matrix-analyst");
        var approval = await app.Host.Post(app.Tokens.For(Roles.Admin, subject: "matrix-approver"), $"/api/reports/monthly/{ReportMonth}/approvals", new
        {
            proposalId = await ProposeReport(analyst), publicAffairsReference = "OPA-2024-1200", privacyOfficeReference = "PRIV-2024-1200",
        }, 200);
        await Reports.ReportScenario.Disclosed(app, ReportMonth, (await approval.ReadAsJsonAsync<Server.Reports.ReportReleaseAnswer>()).ReleasedVersion!.Value);
        var world = new World(scenario.Ori, scenario.OfficerId, caseId, wsoCaseId, bookingNumber, (await complaint.ReadAsJsonAsync<AppendResult>()).Id,
            subjectRef, person.ANumber, orderId, await ProposeReport(analyst));
        var otherOri = await SyntheticAgencies.Sign(app.Store, Domain.ProgramModel.JEM);

        var wrong = new List<string>();
        foreach (var row in Rows())
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var expected = row.Expected[(int)caller];
                var result = await app.Host.Scenario(s =>
                {
                    var body = row.Body(caller == Caller.Admin ? world with { AdminActsFor = world.Ori } : world);
                    if (row.Method == "GET")
                    {
                        s.Get.Url(row.Url(world));
                    }
                    else
                    {
                        s.Post.Text(JsonSerializer.Serialize(body, ServerJson.Options)).ToUrl(row.Url(world));
                        s.WithRequestHeader("Content-Type", "application/json");
                    }
                    s.Bearer(TokenOf(caller, world, otherOri));
                    s.IgnoreStatusCode();
                });
                var status = result.Context.Response.StatusCode;
                var ok = expected switch
                {
                    Expect.Forbidden => status == 403,
                    Expect.Invisible => status == 404,
                    Expect.EmptyResult => status == 200 && (await result.ReadAsTextAsync()).Contains("\"items\":[]"),
                    Expect.OwnScopeOnly => status == 200 && !(await result.ReadAsTextAsync()).Contains(world.Ori, StringComparison.Ordinal),
                    // Allowed: the request met the rules (accepted, or refused by a rule); every sample request is well formed.
                    _ => status is not (400 or 401 or 403 or 404) && status < 500,
                };
                if (!ok)
                    wrong.Add($"{row.Method} {row.Route} {row.EventType} as {caller}: expected {expected}, got {status}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    private async Task<Guid> ProposeReport(string analyst) =>
        (await (await app.Host.Post(analyst, $"/api/reports/monthly/{ReportMonth}/release-proposals", new { eventId = Guid.NewGuid() }, 202))
            .ReadAsJsonAsync<Server.Reports.ReportReleaseAnswer>()).ProposalId;
}
