using Alba;
using CaseFlow.Domain.Audit;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Audit;

/// <summary>
/// The control tests over HTTP: each kind of finding seeded through the write path the way it arises, found, then
/// corrected the way a user would and found no more.
/// </summary>
public class ControlTestTests(AppFixture app)
{
    private static string HoursAgo(double hours) => Envelopes.Instant(DateTimeOffset.UtcNow.AddHours(-hours));

    private async Task<IReadOnlyList<ExceptionItem>> Findings(string ori, IAlbaHost? node = null, string query = "")
    {
        var page = await (await (node ?? app.Host).GetAs(app.Tokens.For(Roles.Auditor), $"/api/audit/exceptions?ori={ori}{query}")).ReadAsJsonAsync<QueuePage<ExceptionItem>>();
        return page.Items;
    }

    private static async Task<Guid> EventId(Task<IScenarioResult> write) => (await (await write).ReadAsJsonAsync<AppendResult>()).EventId;

    /// <summary>A case from booking (referred <paramref name="referredHoursAgo"/> hours ago) to the detainer lodged, each step an hour after the last.</summary>
    private static async Task<Guid> Lodged(CaseScenario jem, double referredHoursAgo)
    {
        var caseId = await jem.Book(referredAt: DateTimeOffset.UtcNow.AddHours(-referredHoursAgo));
        var h = referredHoursAgo;
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = HoursAgo(h - 0.5) });
        await jem.Post(caseId, "RecordsCheckCompleted", new { completedAt = HoursAgo(h - 0.6), systemsChecked = new[] { "IDENT" }, biometricMatch = true });
        await jem.Post(caseId, "DeterminationRecorded", new { determinedAt = HoursAgo(h - 0.7), outcome = "Removable" });
        await jem.Post(caseId, "DetainerPrepared", new { preparedAt = HoursAgo(h - 0.8), bases = new[] { "BiometricAndRecords" }, warrantType = "I-200" });
        await jem.Decide(caseId, "DetainerApproved", new { approvedAt = HoursAgo(h - 0.9) });
        await jem.Post(caseId, "DetainerLodged", new { lodgedAt = HoursAgo(h - 1) });
        return caseId;
    }

    [Fact]
    public async Task a_notice_reported_late_is_found_and_clears_when_the_wrong_instant_is_voided_and_the_right_one_sent()
    {
        var jem = await Create(app);
        var caseId = await Lodged(jem, 40); // lodged 39 hours ago: the notice was due 15 hours ago
        var late = await EventId(jem.Post(caseId, "IceNotifiedOfDetainer", new { notifiedAt = HoursAgo(10) }, officer: null));
        await app.Host.QueuesHaveApplied(caseId);

        var found = (await Findings(jem.Ori)).ShouldHaveSingleItem();

        (found.Case.CaseId, found.Case.Ori, found.Finding.Kind, found.Finding.Rule).ShouldBe((caseId, jem.Ori, ExceptionKind.DeadlineMissed, "ice-notified-of-detainer-within-24h"));
        found.Finding.Instants.Select(i => i.Name).ShouldBe(["due", "metAt"]);
        (found.Finding.Instants[1].At - found.Finding.Instants[0].At).ShouldBe(TimeSpan.FromHours(5), TimeSpan.FromSeconds(1));
        await jem.Post(caseId, "EventVoided", new { voidedEventId = late, reason = "the notice's time was keyed wrong" }, officer: null);
        await jem.Post(caseId, "IceNotifiedOfDetainer", new { notifiedAt = HoursAgo(37) }, officer: null);
        await app.Host.QueuesHaveApplied(caseId);
        (await Findings(jem.Ori)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_claim_reported_late_is_found_and_clears_when_the_report_s_real_instant_is_sent()
    {
        var jem = await Create(app);
        var caseId = await jem.Book();
        await jem.Post(caseId, "CitizenshipClaimAsserted", new { assertedAt = Now(170), how = "Interview" }, officer: null);
        var late = await EventId(jem.Post(caseId, "CitizenshipClaimReported", new { reportedAt = Now(60), reportedTo = "ERO San Francisco duty officer" }, officer: null));
        await app.Host.QueuesHaveApplied(caseId);

        var found = (await Findings(jem.Ori)).ShouldHaveSingleItem();

        (found.Finding.Kind, found.Finding.Rule).ShouldBe((ExceptionKind.DeadlineMissed, "citizenship-claim-reported-within-1h"));
        await jem.Post(caseId, "EventVoided", new { voidedEventId = late, reason = "the report's time was keyed wrong" }, officer: null);
        await jem.Post(caseId, "CitizenshipClaimReported", new { reportedAt = Now(160), reportedTo = "ERO San Francisco duty officer" }, officer: null);
        await app.Host.QueuesHaveApplied(caseId);
        (await Findings(jem.Ori)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_hold_past_its_deadline_is_found_and_clears_when_the_release_is_reported_at_its_real_instant()
    {
        var jem = await Create(app);
        var caseId = await Lodged(jem, 60);
        await jem.Post(caseId, "DetainerServedOnSubject", new { servedAt = HoursAgo(58.8), method = "in person" });
        await jem.Post(caseId, "IceNotifiedOfDetainer", new { notifiedAt = HoursAgo(58.7) }, officer: null);
        await jem.Post(caseId, "ReleaseEligible", new { at = HoursAgo(54) }, officer: null); // CaseFlow starts the hold: due six hours ago
        await app.Host.QueuesHaveApplied(caseId);

        var found = (await Findings(jem.Ori, query: "&kind=HoldBeyondLimit")).ShouldHaveSingleItem();

        (found.Finding.Kind, found.Finding.Rule, found.Finding.Instants.Single().Name).ShouldBe((ExceptionKind.HoldBeyondLimit, "hold-ended-within-limit", "due"));
        (await Findings(jem.Ori, query: "&kind=DeadlineMissed")).ShouldBeEmpty();
        await jem.Post(caseId, "ReleasedFromLocalCustody", new { at = HoursAgo(7), reason = "Bonded" }, officer: null);
        await app.Host.QueuesHaveApplied(caseId);
        (await Findings(jem.Ori)).ShouldBeEmpty();
    }

    [Fact]
    public async Task acts_before_a_revocation_s_effective_date_are_found_and_clear_when_the_acts_are_voided()
    {
        var jem = await Create(app);
        var caseId = await jem.Book();
        var screening = await EventId(jem.Post(caseId, "ScreeningOpened", new { openedAt = Now(50) }));
        var check = await EventId(jem.Post(caseId, "RecordsCheckCompleted", new { completedAt = Now(49), systemsChecked = new[] { "IDENT" }, biometricMatch = false }));
        await app.Host.OfficerEvent(jem.Supervisor, jem.OfficerId, "AuthorizationRevoked", new { effectiveAt = Now(55), reason = "misconduct found", letterRef = "FOD-REV-7" });

        var found = await Findings(jem.Ori);

        found.Select(f => (f.Finding.Kind, f.Finding.EventId, f.Finding.OfficerId)).ShouldBe(
            [(ExceptionKind.ActAfterAuthorizationRevoked, screening, jem.OfficerId), (ExceptionKind.ActAfterAuthorizationRevoked, check, jem.OfficerId)]);
        found[0].Finding.Instants.Select(i => i.Name).ShouldBe(["actAt", "revokedAt"]);
        found[0].Finding.Rule.ShouldBe(OfficerActs.AuthorizationRule);
        var first = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/audit/exceptions?ori={jem.Ori}&limit=1")).ReadAsJsonAsync<QueuePage<ExceptionItem>>();
        var second = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/audit/exceptions?ori={jem.Ori}&limit=1&after={first.Next}")).ReadAsJsonAsync<QueuePage<ExceptionItem>>();
        (first.Items.Single().Finding.EventId, second.Items.Single().Finding.EventId, second.Next).ShouldBe((screening, check, null));
        await jem.Post(caseId, "EventVoided", new { voidedEventId = check, reason = "taken without authority" }, officer: null);
        await jem.Post(caseId, "EventVoided", new { voidedEventId = screening, reason = "taken without authority" }, officer: null);
        (await Findings(jem.Ori)).ShouldBeEmpty();
    }

    [Fact]
    public async Task acts_of_an_officer_whose_training_a_shorter_refresher_policy_finds_lapsed_clear_when_the_refresher_is_recorded()
    {
        var jem = await Create(app, since: DateTimeOffset.UtcNow.AddDays(-60)); // trained 55 days ago
        var caseId = await jem.Book();
        var screening = await EventId(jem.Post(caseId, "ScreeningOpened", new { openedAt = Now(50) }));
        await using var monthly = await app.StartNode(x => x.UseSetting("Governance:RefresherMonths", "1"));

        (await Findings(jem.Ori)).ShouldBeEmpty(); // under the 24 months the act was judged by
        var found = (await Findings(jem.Ori, monthly)).ShouldHaveSingleItem();

        (found.Finding.Kind, found.Finding.Rule, found.Finding.EventId).ShouldBe((ExceptionKind.ActWithTrainingLapsed, "training-current-at-act-1-months", screening));
        found.Finding.Instants.Select(i => i.Name).ShouldBe(["actAt", "lastTrainedAt"]);
        await app.Host.OfficerEvent(jem.Supervisor, jem.OfficerId, "RefresherCompleted", new { model = "JEM", completedAt = Envelopes.Instant(DateTimeOffset.UtcNow.AddDays(-10)) });
        (await Findings(jem.Ori, monthly)).ShouldBeEmpty();
    }

    [Fact]
    public async Task only_auditors_run_the_control_tests_and_bad_filters_are_problems()
    {
        await app.Host.GetAs(app.Tokens.For(Roles.Admin), "/api/audit/exceptions", 403);
        await app.Host.GetAs(app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), "/api/audit/exceptions", 403);
        foreach (var bad in new[] { "kind=Everything", "ori=TX1", "limit=0", "after=not-a-cursor!", "fieldOffice=H" })
            await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/audit/exceptions?{bad}", 400);
    }
}
