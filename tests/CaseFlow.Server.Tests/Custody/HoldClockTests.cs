using System.Text.Json;
using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Custody;

/// <summary>
/// The hold clock belongs to CaseFlow: the event that makes the hold due is answered with the hold CaseFlow appended
/// in its transaction (the case's version rises by two), a client may not post it, and the WSO detainer takes effect
/// at the warrant's service.
/// </summary>
public class HoldClockTests(AppFixture app)
{
    private sealed record BatchAnswer(List<BatchItemResult> Results);

    [Fact]
    public async Task release_eligibility_under_a_detainer_in_effect_is_answered_with_the_hold_caseflow_started()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        var eligibleAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds());
        var envelope = Envelopes.CaseEvent("ReleaseEligible", new { at = Envelopes.Instant(eligibleAt) });

        var posted = await app.Host.Post(jem.Jail, $"/api/cases/{caseId}/events", envelope, 200);
        var answer = await posted.ReadAsJsonAsync<AppendResult>();

        var hold = answer.AppendedByCaseFlow.ShouldHaveSingleItem();
        hold.Type.ShouldBe(nameof(HoldStarted));
        hold.EventId.ShouldBe(HoldClock.HoldIdFor(caseId, answer.EventId));
        hold.Version.ShouldBe(answer.Version + 1);
        posted.Context.Response.Headers.ETag.ToString().ShouldBe($"\"{answer.Version + 1}\"");
        var summary = await jem.Summary(caseId);
        summary.Status.ShouldBe(CaseStatus.HoldActive); // nothing reviewed yet: the hold does not wait for the review
        summary.HoldDeadline.ShouldBe(eligibleAt + HoldPolicy.Limit);
        summary.Checklist["within-hold-deadline"].ShouldBeTrue();

        var replayed = await app.Host.Post(jem.Jail, $"/api/cases/{caseId}/events", envelope, 200);
        replayed.Context.Response.Headers[WriteResults.ReplayedHeader].ToString().ShouldBe("true");
        (await replayed.ReadAsJsonAsync<AppendResult>()).ShouldBe(answer);
        var auditor = app.Tokens.For(Roles.Auditor);
        (await (await app.Host.GetAs(auditor, $"/api/cases/{caseId}/integrity")).ReadAsJsonAsync<IntegrityReport>()).Intact.ShouldBeTrue();
        var history = await (await app.Host.GetAs(auditor, $"/api/cases/{caseId}/history?limit=50")).ReadAsJsonAsync<Page<HistoryEvent>>();
        var stored = history.Items.Single(e => e.Type == nameof(HoldStarted));
        stored.Metadata.GetProperty("role").GetString().ShouldBe("system");
        stored.Data.GetProperty("policyVersion").GetString().ShouldBe(HoldPolicy.Version);
    }

    [Theory]
    [InlineData(nameof(HoldStarted))]
    [InlineData(nameof(HoldExpired))]
    [InlineData(nameof(HoldWithdrawn))]
    public async Task a_client_may_not_post_what_caseflow_appends_itself(string type)
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();

        var refused = await jem.Post(caseId, type, new { from = Now(), at = Now() }, 403, officer: null);

        (await refused.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:appended-by-caseflow");
        (await jem.Summary(caseId)).Case.Version.ShouldBe(1);
    }

    [Fact]
    public async Task a_batch_answers_one_result_per_item_with_the_hold_listed_beside_its_trigger()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        var eligible = Envelopes.CaseEvent("ReleaseEligible", new { at = Now(20) });
        var released = Envelopes.CaseEvent("ScheduledReleaseSet", new { at = Envelopes.Instant(DateTimeOffset.UtcNow.AddDays(3)) });
        var posted = Envelopes.CaseEvent("HoldStarted", new { from = Now(20) });
        eligible["caseId"] = caseId;
        released["caseId"] = caseId;
        posted["caseId"] = caseId;

        var answer = await (await app.Host.Post(jem.Jail, "/api/events/batch", new { events = new[] { eligible, released, posted } }, 200))
            .ReadAsJsonAsync<BatchAnswer>();

        answer.Results.Select(r => r.Status).ShouldBe([BatchItemStatus.Applied, BatchItemStatus.Applied, BatchItemStatus.Refused]);
        answer.Results[0].AppendedByCaseFlow.ShouldHaveSingleItem().Type.ShouldBe(nameof(HoldStarted));
        answer.Results[1].Version.ShouldBe(answer.Results[0].Version + 2);
        answer.Results[1].AppendedByCaseFlow.ShouldBeEmpty();
        ((JsonElement)answer.Results[2].Problem!).GetProperty("type").GetString().ShouldBe("urn:caseflow:problem:appended-by-caseflow");
    }

    [Fact]
    public async Task the_wso_detainer_is_in_effect_from_the_warrant_s_service_at_or_after_release_eligibility()
    {
        var wso = await CaseScenario.Create(app, ProgramModel.WSO);
        var caseId = await wso.Book();
        var eligibleAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds());
        await wso.Decide(caseId, "WarrantReceivedFromIce", new { receivedAt = Now(60), warrantType = "I-205", iceDetainerRef = "ICE-DET-2" });
        await wso.Decide(caseId, "DetainerLodged", new { lodgedAt = Now(59) });
        var lodged = await wso.Summary(caseId);
        lodged.Checklist["detainer-served"].ShouldBeFalse();
        lodged.Case.Detainer!.ServedAt.ShouldBeNull();
        await wso.Post(caseId, "WarrantServed", new { servedAt = Now(40), warrantType = "I-205" }, 422);

        await wso.Post(caseId, "ReleaseEligible", new { at = Envelopes.Instant(eligibleAt) }, officer: null);
        var early = await wso.Post(caseId, "WarrantServed", new { servedAt = Envelopes.Instant(eligibleAt.AddSeconds(-1)), warrantType = "I-205" }, 422,
            occurredAt: eligibleAt.AddSeconds(-1));
        (await early.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:warrant-served-before-release-eligibility");
        var served = await (await wso.Post(caseId, "WarrantServed", new { servedAt = Envelopes.Instant(eligibleAt), warrantType = "I-205" },
            occurredAt: eligibleAt)).ReadAsJsonAsync<AppendResult>();

        served.AppendedByCaseFlow.ShouldHaveSingleItem().Type.ShouldBe(nameof(HoldStarted));
        var summary = await wso.Summary(caseId);
        summary.Case.Detainer!.ServedAt.ShouldBe(eligibleAt);
        summary.Case.Detainer.LodgedAt.ShouldNotBe(eligibleAt);
        summary.HoldDeadline.ShouldBe(eligibleAt + HoldPolicy.Limit);
        summary.Status.ShouldBe(CaseStatus.HoldActive);
    }

    [Fact]
    public async Task the_clock_runs_while_a_citizenship_claim_is_open_and_only_a_running_clock_is_within_its_deadline()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        await jem.Post(caseId, "CitizenshipClaimAsserted", new { assertedAt = Now(35), how = "Interview" }, officer: null);
        (await jem.Summary(caseId)).Checklist["within-hold-deadline"].ShouldBeFalse();

        var eligible = await (await jem.Post(caseId, "ReleaseEligible", new { at = Now(30) }, officer: null)).ReadAsJsonAsync<AppendResult>();

        eligible.AppendedByCaseFlow.ShouldHaveSingleItem().Type.ShouldBe(nameof(HoldStarted));
        var summary = await jem.Summary(caseId);
        summary.Status.ShouldBe(CaseStatus.CitizenshipClaimPending);
        summary.HoldDeadline.ShouldNotBeNull();
        summary.Checklist["within-hold-deadline"].ShouldBeTrue();
    }
}
