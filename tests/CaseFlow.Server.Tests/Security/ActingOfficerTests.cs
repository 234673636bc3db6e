using Alba;
using CaseFlow.Domain;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// A step is recorded for an officer only on a token that speaks for that officer: the officer's own, or its agency's
/// system naming one of its officers. A badge named by anyone else (a supervisor, an admin) is refused, and who posts a
/// type is decided per model: under JEM the jail lodges the detainer, under WSO ICE does.
/// </summary>
public class ActingOfficerTests(AppFixture app)
{
    private const string NotYours = "urn:caseflow:problem:officer-not-yours";

    private static Dictionary<string, object?> Naming(string badge, string type, object data)
    {
        var envelope = GovernanceClient.Envelope(type, data);
        envelope["officerId"] = badge;
        return envelope;
    }

    private async Task<string> Refused(string token, string url, object body, string problemType)
    {
        var text = await (await app.Host.Post(token, url, body, 403)).ReadAsTextAsync();
        text.ShouldContain(problemType);
        return text;
    }

    [Fact]
    public async Task a_supervisor_cannot_lodge_a_jem_detainer_under_a_jail_officers_badge()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = CaseScenario.Now(50) });
        await jem.Post(caseId, "RecordsCheckCompleted", new { completedAt = CaseScenario.Now(49), systemsChecked = new[] { "IDENT" }, biometricMatch = true });
        await jem.Post(caseId, "InterviewConducted", new { conductedAt = CaseScenario.Now(48), interpreterOffered = true, interpreterUsed = false });
        await jem.Post(caseId, "DeterminationRecorded", new { determinedAt = CaseScenario.Now(47), outcome = "Removable" });
        await jem.Post(caseId, "DetainerPrepared", new { preparedAt = CaseScenario.Now(46), bases = new[] { "BiometricAndRecords" }, warrantType = "I-200" });
        await jem.Decide(caseId, "DetainerApproved", new { approvedAt = CaseScenario.Now(45) });
        var url = $"/api/cases/{caseId}/events";
        var lodged = new { lodgedAt = CaseScenario.Now(44) };
        var before = (await jem.Summary(caseId)).Case.Version;

        await Refused(jem.Supervisor, url, Naming(CaseScenario.Badge, "DetainerLodged", lodged), NotYours);
        await Refused(jem.Supervisor, url, GovernanceClient.Envelope("DetainerLodged", lodged), "urn:caseflow:problem:role-may-not-post-event-type");
        (await jem.Summary(caseId)).Case.Version.ShouldBe(before);

        await jem.Post(caseId, "DetainerLodged", lodged);
        var history = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{caseId}/history")).ReadAsJsonAsync<Page<HistoryEvent>>();
        var step = history.Items.Single(e => e.Type == "DetainerLodged");
        step.Metadata.GetProperty("role").GetString().ShouldBe(Roles.ScreeningSystem);
        step.Metadata.GetProperty("officerId").GetString().ShouldBe(CaseScenario.Badge);
    }

    [Fact]
    public async Task under_wso_ice_lodges_and_sends_its_warrant_in_its_own_name_and_the_jail_may_not()
    {
        var wso = await CaseScenario.Create(app, ProgramModel.WSO);
        var caseId = await wso.Book();
        var url = $"/api/cases/{caseId}/events";
        var warrant = new { receivedAt = CaseScenario.Now(60), warrantType = "I-205", iceDetainerRef = "ICE-DET-7" };

        await Refused(wso.Supervisor, url, Naming(CaseScenario.Badge, "WarrantReceivedFromIce", warrant), NotYours);
        await Refused(wso.Jail, url, Naming(CaseScenario.Badge, "WarrantReceivedFromIce", warrant), "urn:caseflow:problem:role-may-not-post-event-type");
        await wso.Decide(caseId, "WarrantReceivedFromIce", warrant);
        await Refused(wso.Jail, url, Naming(CaseScenario.Badge, "DetainerLodged", new { lodgedAt = CaseScenario.Now(59) }), "urn:caseflow:problem:role-may-not-post-event-type");
        await wso.Decide(caseId, "DetainerLodged", new { lodgedAt = CaseScenario.Now(59) });

        var history = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{caseId}/history")).ReadAsJsonAsync<Page<HistoryEvent>>();
        foreach (var recorded in history.Items.Where(e => e.Type is "WarrantReceivedFromIce" or "DetainerLodged"))
        {
            recorded.Metadata.GetProperty("role").GetString().ShouldBe(Roles.Supervisor);
            recorded.Metadata.TryGetProperty("officerId", out _).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task an_officers_token_records_its_own_badge_and_no_other_and_an_admin_names_none()
    {
        var officer = app.Tokens.For(Roles.Officer, ori: Agencies.FortBend, officerId: "FB-OWN");
        var booking = Envelopes.Booking(Envelopes.NewBookingNumber());
        booking["officerId"] = "FB-OTHER";
        await Refused(officer, "/api/bookings", booking, "urn:caseflow:problem:officer-mismatch");

        var caseId = await app.Host.StartCaseWith(officer, Envelopes.Booking(Envelopes.NewBookingNumber()));
        var history = await (await app.Host.GetAs(officer, $"/api/cases/{caseId}/history")).ReadAsJsonAsync<Page<HistoryEvent>>();
        history.Items.Single().Metadata.GetProperty("officerId").GetString().ShouldBe("FB-OWN");

        var admin = app.Tokens.For(Roles.Admin);
        await Refused(admin, "/api/officers", Naming("FB-OWN", "OfficerNominated", new { badgeNumber = "FB-NEW", models = new[] { "JEM" }, ori = Agencies.FortBend }), NotYours);
        await Refused(admin, "/api/complaints", Naming("FB-OWN", "ComplaintReceived",
            new { complaintNumber = $"IA-{Guid.NewGuid():N}"[..12], againstBadgeNumber = "FB-OWN", learnedAt = CaseScenario.Now(30), ori = Agencies.FortBend }), NotYours);
    }
}
