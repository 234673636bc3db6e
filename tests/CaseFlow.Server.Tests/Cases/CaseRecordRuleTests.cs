using Alba;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Cases;

/// <summary>The rules that keep a case's record right, over HTTP: each refusal is a stable problem type and changes nothing.</summary>
public class CaseRecordRuleTests(AppFixture app)
{
    private static async Task ShouldBeRefused(Task<IScenarioResult> request, string problem) =>
        (await (await request).ReadAsTextAsync()).ShouldContain($"urn:caseflow:problem:{problem}");

    [Fact]
    public async Task a_steps_instant_is_its_occurred_at_and_follows_what_it_follows()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        var opened = DateTimeOffset.UtcNow.AddMinutes(-50);

        await ShouldBeRefused(jem.Post(caseId, "ScreeningOpened", new { openedAt = Envelopes.Instant(opened) }, 422, occurredAt: opened.AddSeconds(1)), "instant-mismatch");
        await ShouldBeRefused(jem.Post(caseId, "ScreeningOpened", new { openedAt = Now(60 * 4) }, 422), "instant-out-of-order");
        var ahead = DateTimeOffset.UtcNow.AddMinutes(6);
        await ShouldBeRefused(jem.Post(caseId, "ScreeningOpened", new { openedAt = Envelopes.Instant(ahead) }, 400, occurredAt: ahead), "invalid-request");
        await jem.DetainerInEffect(caseId);
        var summary = await jem.Summary(caseId);
        var lodged = summary.Case.Detainer!.LodgedAt!.Value;

        // The notice went two minutes after lodging: the deadline is met at the notice's own instant.
        summary.Deadlines.Single(d => d.Rule == "ice-notified-of-detainer-within-24h").MetAt!.Value.ShouldBe(lodged.AddMinutes(2), TimeSpan.FromSeconds(2));
        await ShouldBeRefused(jem.Post(caseId, "I213Prepared", new { preparedAt = Envelopes.Instant(summary.Case.Detainer.ServedAt!.Value.AddSeconds(-1)), documentRef = "I213-1" }, 422),
            "instant-out-of-order");
        (await jem.Summary(caseId)).Case.Version.ShouldBe(summary.Case.Version);
    }

    [Fact]
    public async Task a_citizenship_claimed_determination_opens_a_claim_and_its_confirmation_ends_enforcement()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = Now(50) });
        await jem.Post(caseId, "DeterminationRecorded", new { determinedAt = Now(48), outcome = "CitizenshipClaimed" });

        var claimed = await jem.Summary(caseId);
        claimed.Status.ShouldBe(CaseStatus.CitizenshipClaimPending);
        claimed.Deadlines.Single(d => d.Rule == "citizenship-claim-reported-within-1h").Due.ShouldBe(claimed.Case.ClaimAssertedAt!.Value.AddHours(1));

        await jem.Post(caseId, "CitizenshipClaimReported", new { reportedAt = Now(45), reportedTo = "ERO San Francisco duty officer" }, officer: null);
        await jem.Decide(caseId, "CitizenshipClaimResolved", new { resolvedAt = Now(40), outcome = "CitizenshipConfirmed" });

        await ShouldBeRefused(jem.Post(caseId, "DeterminationRecorded", new { determinedAt = Now(35), outcome = "Removable" }, 422), "citizenship-confirmed");
        await ShouldBeRefused(jem.Post(caseId, "CitizenshipClaimAsserted", new { assertedAt = Now(35), how = "Written" }, 422, officer: null), "citizenship-confirmed");
        await jem.Post(caseId, "ReleasedFromLocalCustody", new { at = Now(30), reason = "CitizenshipConfirmed" }, officer: null);
        await ShouldBeRefused(jem.Post(caseId, "CaseClosed", new { closedAt = Now(20), disposition = "ReleasedWithoutTransfer" }, 422, officer: null), "disposition-contradicts-facts");
        await jem.Post(caseId, "CaseClosed", new { closedAt = Now(20), disposition = "CitizenshipConfirmed" }, officer: null);

        (await jem.Summary(caseId)).Case.Disposition.ShouldBe(Disposition.CitizenshipConfirmed);
    }

    [Fact]
    public async Task nothing_needing_custody_follows_a_release_but_lifting_and_closing_do()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        await jem.Post(caseId, "ReleasedFromLocalCustody", new { at = Now(41), reason = "Bonded" }, officer: null);

        await ShouldBeRefused(jem.Post(caseId, "InterviewConducted", new { conductedAt = Now(40), interpreterOffered = true, interpreterUsed = false }, 422), "not-in-custody");
        await jem.Decide(caseId, "DetainerLifted", new { liftedAt = Now(39), reason = "NoLongerInCustody" });
        await ShouldBeRefused(jem.Post(caseId, "CaseClosed", new { closedAt = Now(38), disposition = "TransferredToIce" }, 422, officer: null), "disposition-contradicts-facts");
        await jem.Post(caseId, "CaseClosed", new { closedAt = Now(38), disposition = "ReleasedWithoutTransfer" }, officer: null);
    }

    [Fact]
    public async Task a_suspended_agreement_stops_officer_steps_but_not_the_transfer_and_the_summary_flags_it()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        await jem.Approved(caseId);
        await jem.Post(caseId, "ReleaseEligible", new { at = Now(30) }, officer: null);
        (await jem.Summary(caseId)).AgreementLapsedWhileOpen.ShouldBeFalse();

        await app.Host.Post(app.Tokens.For(Roles.Admin), $"/api/agreements/{jem.Ori}/JEM/events",
            GovernanceClient.Envelope("AgreementSuspended", new { effectiveAt = Now(25), reason = "serious misconduct" }), 200);

        await ShouldBeRefused(jem.Post(caseId, "WarrantServed", new { servedAt = Now(20), warrantType = "I-200" }, 422), "agreement-not-in-force");
        await jem.Post(caseId, "CustodyTransferredToIce", new { at = Now(10), iceOffice = "ERO San Francisco" }, officer: null);
        var summary = await jem.Summary(caseId);
        summary.Status.ShouldBe(CaseStatus.TransferredToIce);
        summary.AgreementLapsedWhileOpen.ShouldBeTrue();
        summary.AgreementLapses.Single().Status.ShouldBe(CaseFlow.Domain.Agreements.AgreementStatus.Suspended);
    }

    [Fact]
    public async Task a_submission_leaving_out_a_prepared_document_is_refused()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        await jem.Post(caseId, "I213Prepared", new { preparedAt = Now(40), documentRef = "I213-77" });
        await jem.Post(caseId, "ChargingDocumentPrepared", new { preparedAt = Now(39), documentType = "NoticeToAppear", charges = new[] { "212(a)(6)(A)(i)" } });

        await ShouldBeRefused(jem.Post(caseId, "SubmittedForReview", new { submittedAt = Now(38), items = new[] { "I213" } }, 422), "submission-incomplete");
        await jem.Post(caseId, "SubmittedForReview", new { submittedAt = Now(38), items = new[] { "I213", "ChargingDocument" } });
        (await jem.Summary(caseId)).Status.ShouldBe(CaseStatus.PendingSupervisoryReview);
    }
}
