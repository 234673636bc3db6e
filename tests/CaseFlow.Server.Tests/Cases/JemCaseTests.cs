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

/// <summary>The jail enforcement model over HTTP, as a jail system and ICE supervisors drive it.</summary>
public class JemCaseTests(AppFixture app)
{
    [Theory]
    [InlineData("preparedBy")]
    [InlineData("PreparedBy")]
    [InlineData("madeUpMember")]
    public async Task a_preparer_sent_by_the_client_is_answered_as_any_unknown_member_and_changes_nothing(string member)
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = Now(50) });
        await jem.Post(caseId, "RecordsCheckCompleted", new { completedAt = Now(49), systemsChecked = new[] { "IDENT" }, biometricMatch = true });
        await jem.Post(caseId, "DeterminationRecorded", new { determinedAt = Now(48), outcome = "Removable" });
        var data = new Dictionary<string, object>
        {
            ["preparedAt"] = Now(46), ["bases"] = new[] { "BiometricAndRecords" }, ["warrantType"] = "I-200",
            [member] = new { subject = "someone-else", officerBadge = "JEM-8" },
        };

        var refused = System.Text.Json.JsonDocument.Parse(await (await jem.Post(caseId, "DetainerPrepared", data, 400)).ReadAsTextAsync()).RootElement;

        refused.GetProperty("type").GetString().ShouldBe("urn:caseflow:problem:invalid-request");
        var error = refused.GetProperty("errors").EnumerateObject().ShouldHaveSingleItem();
        error.Name.ShouldBe($"data.{member}");
        error.Value[0].GetString().ShouldBe(ClientJsonErrors.UnknownMemberMessage);
        (await jem.Summary(caseId)).Case.Version.ShouldBe(4);
    }

    [Fact]
    public async Task a_case_goes_from_booking_to_custody_transfer_and_closure()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        await jem.Approved(caseId);
        await jem.Post(caseId, "ChargingDocumentServed", new { servedAt = Now(36) });
        var eligible = await (await jem.Post(caseId, "ReleaseEligible", new { at = Now(30) }, officer: null)).ReadAsJsonAsync<AppendResult>();
        var summary = await jem.Summary(caseId);
        summary.Status.ShouldBe(CaseStatus.HoldActive);
        summary.HoldDeadline!.Value.ShouldBe(DateTimeOffset.UtcNow.AddMinutes(-30).AddHours(48), TimeSpan.FromMinutes(1));

        await jem.Post(caseId, "WarrantServed", new { servedAt = Now(20), warrantType = "I-200", interpreterName = "Ana Ruiz" });
        await jem.Post(caseId, "CustodyTransferredToIce", new { at = Now(10), iceOffice = "ERO San Francisco" }, officer: null);
        await jem.Post(caseId, "CaseClosed", new { closedAt = Now(5), disposition = "TransferredToIce" }, officer: null);

        var closed = await jem.Summary(caseId);
        closed.Status.ShouldBe(CaseStatus.Closed);
        closed.NextSteps.ShouldBe(["ChargesAmended", "EventVoided", "TransferredToAgency"], ignoreOrder: true);
        (await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{caseId}/integrity")).ReadAsJsonAsync<IntegrityReport>()).Intact.ShouldBeTrue();
        var history = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{caseId}/history?limit=50")).ReadAsJsonAsync<Page<HistoryEvent>>();
        history.Items.Single(e => e.Type == "HoldStarted").Data.GetProperty("policyVersion").GetString().ShouldBe(HoldPolicy.Version);
        history.Items.Single(e => e.Type == "DetainerPrepared").Data.GetProperty("preparedBy").GetProperty("officerBadge").GetString().ShouldBe(Badge);
        eligible.AppendedByCaseFlow.Single().Type.ShouldBe("HoldStarted");
    }

    [Fact]
    public async Task a_review_returned_for_correction_is_corrected_and_approved()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        await jem.Post(caseId, "I213Prepared", new { preparedAt = Now(40), documentRef = "I213-1" });
        await jem.Post(caseId, "ChargingDocumentPrepared", new { preparedAt = Now(39), documentType = "NoticeToAppear", charges = new[] { "212(a)(6)(A)(i)" } });
        await jem.Post(caseId, "SubmittedForReview", new { submittedAt = Now(38), items = new[] { "I213", "ChargingDocument" } });

        await jem.Decide(caseId, "ReviewReturnedForCorrection", new { returnedAt = Now(37), items = new[] { "I213" }, comments = "Entry date and place missing." });
        (await jem.Summary(caseId)).Status.ShouldBe(CaseStatus.ReturnedForCorrection);
        await jem.Post(caseId, "I213Prepared", new { preparedAt = Now(36), documentRef = "I213-1-rev1" });
        await jem.Post(caseId, "SubmittedForReview", new { submittedAt = Now(35), items = new[] { "I213" } });
        await jem.Decide(caseId, "ReviewApproved", new { signedAt = Now(34) });

        var summary = await jem.Summary(caseId);
        summary.Status.ShouldBe(CaseStatus.AwaitingRelease);
        summary.Case.Review!.Returns.ShouldBe(1);
        summary.Checklist["review-approved"].ShouldBeTrue();
    }

    [Fact]
    public async Task a_citizenship_claim_blocks_enforcement_and_a_confirmed_claim_ends_the_case()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = Now(50) });
        await jem.Post(caseId, "CitizenshipClaimAsserted", new { assertedAt = Now(49), how = "Interview" }, officer: null);

        var blocked = await jem.Post(caseId, "DeterminationRecorded", new { determinedAt = Now(48), outcome = "Removable" }, 422);
        (await blocked.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:citizenship-claim-open");
        (await jem.Summary(caseId)).Checklist["no-open-citizenship-claim"].ShouldBeFalse();

        await jem.Post(caseId, "CitizenshipClaimReported", new { reportedAt = Now(45), reportedTo = "ERO San Francisco duty officer" }, officer: null);
        await jem.Post(caseId, "CitizenshipClaimResolved", new { resolvedAt = Now(40), outcome = "CitizenshipConfirmed" }, 403);
        await jem.Decide(caseId, "CitizenshipClaimResolved", new { resolvedAt = Now(40), outcome = "CitizenshipConfirmed" });
        await jem.Decide(caseId, "CaseClosed", new { closedAt = Now(30), disposition = "CitizenshipConfirmed" });

        (await jem.Summary(caseId)).Status.ShouldBe(CaseStatus.Closed);
    }

    [Fact]
    public async Task nobody_approves_what_they_prepared()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = Now(50) });
        await jem.Post(caseId, "RecordsCheckCompleted", new { completedAt = Now(49), systemsChecked = new[] { "IDENT" }, biometricMatch = true });
        await jem.Post(caseId, "DeterminationRecorded", new { determinedAt = Now(47), outcome = "Removable" });
        await jem.Post(caseId, "DetainerPrepared", new { preparedAt = Now(46), bases = new[] { "BiometricAndRecords" }, warrantType = "I-205" });

        var preparerAsSupervisor = app.Tokens.For(Roles.Supervisor, fieldOffice: SyntheticAgencies.FieldOffice, subject: $"jail-{jem.Ori}");
        (await (await jem.Decide(caseId, "DetainerApproved", new { approvedAt = Now(45) }, 422, preparerAsSupervisor)).ReadAsTextAsync()).ShouldContain("self-approval");
        var withoutI205 = app.Tokens.For(Roles.Supervisor, fieldOffice: SyntheticAgencies.FieldOffice, warrantAuthority: "I-200");
        (await (await jem.Decide(caseId, "DetainerApproved", new { approvedAt = Now(45) }, 422, withoutI205)).ReadAsTextAsync()).ShouldContain("no-warrant-authority");
        await jem.Decide(caseId, "DetainerApproved", new { approvedAt = Now(45) }, 404, app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"));
        await jem.Decide(caseId, "DetainerApproved", new { approvedAt = Now(45) });
    }

    [Fact]
    public async Task a_revoked_officer_is_refused_at_and_after_the_revocation_instant_and_accepted_before_it()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        var revokedAt = DateTimeOffset.UtcNow.AddHours(-2);
        await app.Host.OfficerEvent(jem.Supervisor, jem.OfficerId, "AuthorizationRevoked", new { effectiveAt = Envelopes.Instant(revokedAt), reason = "reassigned", letterRef = "FOD-SFR-9" });

        var at = await jem.Post(caseId, "ScreeningOpened", new { openedAt = Envelopes.Instant(revokedAt) }, 422, occurredAt: revokedAt);
        (await at.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:officer-not-authorized");
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = Now() }, 422);
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = Envelopes.Instant(revokedAt.AddMinutes(-30)) }, 200, occurredAt: revokedAt.AddMinutes(-30));
    }

    [Fact]
    public async Task a_fact_held_back_by_an_offline_jail_is_accepted_when_marked_late()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        var fourDaysAgo = DateTimeOffset.UtcNow.AddDays(-4);

        await jem.Post(caseId, "ScheduledReleaseSet", new { at = Envelopes.Instant(DateTimeOffset.UtcNow.AddDays(20)), reason = "sentence" }, occurredAt: fourDaysAgo, officer: null);

        var history = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{caseId}/history")).ReadAsJsonAsync<Page<HistoryEvent>>();
        history.Items.Last().Metadata.GetProperty("late").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task a_voided_event_stays_in_the_history_and_leaves_the_summary()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        var history = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{caseId}/history")).ReadAsJsonAsync<Page<HistoryEvent>>();
        var service = history.Items.Single(e => e.Type == "DetainerServedOnSubject").EventId;

        await jem.Post(caseId, "EventVoided", new { voidedEventId = service, reason = "served on the wrong person" }, officer: null);

        var summary = await jem.Summary(caseId);
        summary.Status.ShouldBe(CaseStatus.DetainerLodged);
        summary.Checklist["detainer-served"].ShouldBeFalse();
        summary.Case.VoidedEventIds.ShouldBe([service]);
        await jem.Post(caseId, "I213Prepared", new { preparedAt = Now(), documentRef = "I213-9" }, 422);
    }
}
