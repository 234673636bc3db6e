using System.Text.Json;
using Alba;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Cases;

/// <summary>
/// Voids over HTTP: whoever may post a kind of event voids it; a void that would leave later events without their
/// basis is refused naming them; a void that takes away a hold's basis is answered with the withdrawal CaseFlow appended.
/// </summary>
public class CaseVoidTests(AppFixture app)
{
    private async Task<Guid> EventOf(Guid caseId, string type)
    {
        var history = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{caseId}/history?limit=50")).ReadAsJsonAsync<Page<HistoryEvent>>();
        return history.Items.Last(e => e.Type == type).EventId;
    }

    private static object Voiding(Guid eventId) => new { voidedEventId = eventId, reason = "entered in error" };

    private static async Task<JsonElement> Problem(IScenarioResult result) => JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;

    [Fact]
    public async Task a_jail_voids_its_own_steps_and_only_a_supervisor_voids_ice_s_decisions()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        await jem.Decide(caseId, "DetainerLifted", new { liftedAt = Now(30), reason = "ProsecutorialDiscretion" });
        var lift = await EventOf(caseId, "DetainerLifted");
        var interview = await EventOf(caseId, "InterviewConducted");

        var byJail = await jem.Post(caseId, "EventVoided", Voiding(lift), 422, officer: null);
        var bySupervisor = await jem.Decide(caseId, "EventVoided", Voiding(interview), 422);

        (await Problem(byJail)).GetProperty("type").GetString().ShouldBe("urn:caseflow:problem:void-not-permitted");
        (await Problem(bySupervisor)).GetProperty("type").GetString().ShouldBe("urn:caseflow:problem:void-not-permitted");
        await jem.Post(caseId, "EventVoided", Voiding(interview), officer: null);
        await jem.Decide(caseId, "EventVoided", Voiding(lift));
        (await jem.Summary(caseId)).Status.ShouldBe(CaseStatus.DetainerActive);
        await jem.Decide(caseId, "EventVoided", Voiding(lift), 404, token: app.Tokens.For(Roles.Supervisor, fieldOffice: "MIA", subject: "supervisor-elsewhere"));
    }

    [Fact]
    public async Task a_void_is_refused_while_later_events_depend_on_it_and_names_them_latest_first()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        await jem.Post(caseId, "I213Prepared", new { preparedAt = Now(40), documentRef = "I213-77" });
        await jem.Post(caseId, "ChargingDocumentPrepared", new { preparedAt = Now(39), documentType = "NoticeToAppear", charges = new[] { "212(a)(6)(A)(i)" } });
        var service = await EventOf(caseId, "DetainerServedOnSubject");
        var i213 = await EventOf(caseId, "I213Prepared");
        var charging = await EventOf(caseId, "ChargingDocumentPrepared");
        var version = (await jem.Summary(caseId)).Case.Version;

        var refused = await Problem(await jem.Post(caseId, "EventVoided", Voiding(service), 422, officer: null));

        refused.GetProperty("type").GetString().ShouldBe("urn:caseflow:problem:void-has-dependents");
        refused.GetProperty("dependents").EnumerateArray().Select(d => d.GetProperty("eventId").GetGuid()).ShouldBe([charging, i213]);
        (await jem.Summary(caseId)).Case.Version.ShouldBe(version);
        await jem.Post(caseId, "EventVoided", Voiding(charging), officer: null);
        await jem.Post(caseId, "EventVoided", Voiding(i213), officer: null);
        await jem.Post(caseId, "EventVoided", Voiding(service), officer: null);
        (await jem.Summary(caseId)).Status.ShouldBe(CaseStatus.DetainerLodged);
    }

    [Fact]
    public async Task voiding_the_release_eligibility_withdraws_the_hold_in_the_same_answer()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        var eligible = await (await jem.Post(caseId, "ReleaseEligible", new { at = Now(30) }, officer: null)).ReadAsJsonAsync<AppendResult>();
        var hold = eligible.AppendedByCaseFlow.Single().EventId;

        (await Problem(await jem.Post(caseId, "EventVoided", Voiding(hold), 422, officer: null))).GetProperty("type").GetString()
            .ShouldBe("urn:caseflow:problem:not-voidable");
        var voided = await (await jem.Post(caseId, "EventVoided", Voiding(eligible.EventId), officer: null)).ReadAsJsonAsync<AppendResult>();

        var withdrawal = voided.AppendedByCaseFlow.ShouldHaveSingleItem();
        withdrawal.Type.ShouldBe(nameof(HoldWithdrawn));
        withdrawal.EventId.ShouldBe(HoldClock.WithdrawalIdFor(caseId, voided.EventId));
        var summary = await jem.Summary(caseId);
        summary.Case.Version.ShouldBe(voided.Version + 1);
        summary.Status.ShouldBe(CaseStatus.DetainerActive);
        summary.HoldDeadline.ShouldBeNull();
        summary.Case.VoidedEventIds.ShouldBe([eligible.EventId, hold]);
        (await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{caseId}/integrity")).ReadAsJsonAsync<IntegrityReport>()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task a_transfer_under_the_hold_must_be_voided_before_the_hold_s_basis()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        await jem.Post(caseId, "ReleaseEligible", new { at = Now(30) }, officer: null);
        await jem.Post(caseId, "CustodyTransferredToIce", new { at = Now(10), iceOffice = "ERO San Francisco" }, officer: null);
        var transfer = await EventOf(caseId, "CustodyTransferredToIce");

        var refused = await Problem(await jem.Post(caseId, "EventVoided", Voiding(await EventOf(caseId, "ReleaseEligible")), 422, officer: null));

        refused.GetProperty("dependents").EnumerateArray().Single().GetProperty("eventId").GetGuid().ShouldBe(transfer);
    }
}
