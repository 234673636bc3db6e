using Alba;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Queues;

/// <summary>
/// The deadline queue and the open citizenship claims: judged by the case summary's own deadline rules, so a fact
/// reported late that shows the deadline was met clears the breach.
/// </summary>
public class DeadlineQueueTests(AppFixture app)
{
    /// <summary>Bookings referred this long ago, so that the steps of a day and more ago may follow them.</summary>
    private static DateTimeOffset LongAgo => DateTimeOffset.UtcNow.AddHours(-30);

    private static string Ago(TimeSpan before) => Envelopes.Instant(DateTimeOffset.UtcNow - before);

    /// <summary>A JEM detainer lodged <paramref name="lodgedAgo"/> and served, ICE not yet told of it.</summary>
    private static async Task LodgedUnnotified(CaseScenario jem, Guid caseId, TimeSpan lodgedAgo)
    {
        var t = lodgedAgo + TimeSpan.FromHours(1);
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = Ago(t) });
        await jem.Post(caseId, "RecordsCheckCompleted", new { completedAt = Ago(t), systemsChecked = new[] { "IDENT" }, biometricMatch = true });
        await jem.Post(caseId, "DeterminationRecorded", new { determinedAt = Ago(t), outcome = "Removable" });
        await jem.Post(caseId, "DetainerPrepared", new { preparedAt = Ago(t), bases = new[] { "BiometricAndRecords" }, warrantType = "I-200" });
        await jem.Decide(caseId, "DetainerApproved", new { approvedAt = Ago(t) });
        await jem.Post(caseId, "DetainerLodged", new { lodgedAt = Ago(lodgedAgo) });
    }

    private static Task Assert(CaseScenario jem, Guid caseId, TimeSpan ago) =>
        jem.Post(caseId, "CitizenshipClaimAsserted", new { assertedAt = Ago(ago), how = "Interview" }, officer: null);

    private static Task Report(CaseScenario jem, Guid caseId, TimeSpan ago) =>
        jem.Post(caseId, "CitizenshipClaimReported", new { reportedAt = Ago(ago), reportedTo = "ERO duty officer" }, officer: null);

    [Fact]
    public async Task missed_and_at_risk_deadlines_are_listed_earliest_first_and_one_met_even_late_leaves_the_queue()
    {
        var jem = await Create(app);
        var (missed, cleared, metLate) = (await jem.Book(referredAt: LongAgo), await jem.Book(referredAt: LongAgo), await jem.Book(referredAt: LongAgo));
        var (atRisk, metInTime, notYet) = (await jem.Book(referredAt: LongAgo), await jem.Book(referredAt: LongAgo), await jem.Book(referredAt: LongAgo));
        await LodgedUnnotified(jem, missed, TimeSpan.FromHours(26));
        await LodgedUnnotified(jem, cleared, TimeSpan.FromHours(27));
        await jem.Post(cleared, "IceNotifiedOfDetainer", new { notifiedAt = Ago(TimeSpan.FromHours(25)) }, officer: null);
        await Assert(jem, metLate, TimeSpan.FromHours(3.5));
        await Report(jem, metLate, TimeSpan.FromHours(1));
        await Assert(jem, atRisk, TimeSpan.FromMinutes(20));
        await Assert(jem, metInTime, TimeSpan.FromHours(5));
        await Report(jem, metInTime, TimeSpan.FromHours(4.5));
        await LodgedUnnotified(jem, notYet, TimeSpan.FromHours(2));
        await app.Host.QueuesHaveApplied(missed, cleared, metLate, atRisk, metInTime, notYet);

        var queue = await app.Host.Queue<DeadlineQueueItem>(jem.Supervisor, "deadlines", $"ori={jem.Ori}");

        queue.Items.Select(i => (i.Case!.CaseId, i.Deadlines.Single().Rule, i.Deadlines.Single().Missed)).ShouldBe(
        [
            (missed, "ice-notified-of-detainer-within-24h", true),
            (atRisk, "citizenship-claim-reported-within-1h", false),
        ]);
        queue.Items[0].Deadlines[0].TimeLeft.ShouldBeLessThan(TimeSpan.Zero);
        queue.Items[1].Deadlines[0].TimeLeft.ShouldBeInRange(TimeSpan.FromMinutes(39), TimeSpan.FromMinutes(40));
        var metLateSummary = await jem.Summary(metLate);
        metLateSummary.Deadlines.Single().Late.ShouldBeTrue();
    }

    [Fact]
    public async Task complaints_with_a_missed_or_at_risk_report_are_listed_with_the_cases_and_leave_once_reported()
    {
        var jem = await Create(app);
        var now = DateTimeOffset.UtcNow;
        var unnotified = await Complaint(jem, "IA-Q1", now.AddDays(-10));
        var notified = await Complaint(jem, "IA-Q2", now.AddDays(-10));
        await ComplaintStep(jem, notified, "IceNotifiedOfComplaint", now.AddDays(-9), at => new { notifiedAt = at });
        // Resolved 30 days less half an hour ago: the outcome report is due in half an hour.
        var outcomeDueSoon = await Complaint(jem, "IA-Q3", now.AddDays(-30).AddMinutes(10));
        await ComplaintStep(jem, outcomeDueSoon, "IceNotifiedOfComplaint", now.AddDays(-30).AddMinutes(15), at => new { notifiedAt = at });
        await ComplaintStep(jem, outcomeDueSoon, "ComplaintResolved", now.AddDays(-30).AddMinutes(30), at => new { resolvedAt = at, outcome = "NotSustained" });
        var lodgedLate = await jem.Book(referredAt: LongAgo);
        await LodgedUnnotified(jem, lodgedLate, TimeSpan.FromHours(26));
        await app.Host.QueuesHaveApplied(lodgedLate);

        var queue = await app.Host.Queue<DeadlineQueueItem>(jem.Supervisor, "deadlines", $"ori={jem.Ori}");

        queue.Items.Select(i => (Id(i), i.Deadlines.Single().Rule, i.Deadlines.Single().Missed)).ShouldBe(
        [
            (unnotified, Domain.Complaints.Complaint.NotificationRule, true),
            (lodgedLate, "ice-notified-of-detainer-within-24h", true),
            (outcomeDueSoon, Domain.Complaints.Complaint.OutcomeReportRule, false),
        ]);
        queue.Items[0].Complaint!.ComplaintNumber.ShouldBe("IA-Q1");
        queue.Items[2].Deadlines[0].TimeLeft.ShouldBeInRange(TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
        var first = await app.Host.Queue<DeadlineQueueItem>(jem.Supervisor, "deadlines", $"ori={jem.Ori}&limit=1");
        (await app.Host.Queue<DeadlineQueueItem>(jem.Supervisor, "deadlines", $"ori={jem.Ori}&after={first.Next}")).Items.Select(Id).ShouldBe([lodgedLate, outcomeDueSoon]);
        (await app.Host.Queue<DeadlineQueueItem>(jem.Supervisor, "deadlines", $"ori={jem.Ori}&model=JEM")).Items.Select(Id).ShouldBe([lodgedLate]);
        (await app.Host.Queue<DeadlineQueueItem>(app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), "deadlines", $"ori={jem.Ori}")).Items.ShouldBeEmpty();

        await ComplaintStep(jem, unnotified, "IceNotifiedOfComplaint", now.AddMinutes(-1), at => new { notifiedAt = at });
        (await app.Host.Queue<DeadlineQueueItem>(jem.Supervisor, "deadlines", $"ori={jem.Ori}")).Items.Select(Id).ShouldBe([lodgedLate, outcomeDueSoon]);
    }

    private static Guid Id(DeadlineQueueItem item) => item.Case?.CaseId ?? item.Complaint!.ComplaintId;

    /// <summary>A complaint against the scenario's officer, which its agency learned of at <paramref name="learnedAt"/>.</summary>
    private async Task<Guid> Complaint(CaseScenario jem, string number, DateTimeOffset learnedAt)
    {
        var envelope = GovernanceClient.Envelope("ComplaintReceived", new { complaintNumber = number, againstBadgeNumber = Badge, learnedAt = Envelopes.Instant(learnedAt) }, learnedAt);
        return (await (await app.Host.Post(jem.Jail, "/api/complaints", envelope, 201)).ReadAsJsonAsync<AppendResult>()).Id;
    }

    private Task ComplaintStep(CaseScenario jem, Guid complaintId, string type, DateTimeOffset at, Func<string, object> data) =>
        app.Host.Post(jem.Jail, $"/api/complaints/{complaintId}/events", GovernanceClient.Envelope(type, data(Envelopes.Instant(at)), at), 200);

    [Fact]
    public async Task open_citizenship_claims_are_listed_oldest_first_until_resolved()
    {
        var jem = await Create(app);
        var (older, newer, resolved) = (await jem.Book(), await jem.Book(), await jem.Book());
        await Assert(jem, newer, TimeSpan.FromMinutes(30));
        await Assert(jem, older, TimeSpan.FromMinutes(90));
        await Report(jem, older, TimeSpan.FromMinutes(80));
        await Assert(jem, resolved, TimeSpan.FromMinutes(120));
        await Report(jem, resolved, TimeSpan.FromMinutes(110));
        await jem.Decide(resolved, "CitizenshipClaimResolved", new { resolvedAt = Ago(TimeSpan.FromMinutes(5)), outcome = "NotSubstantiated" });
        await app.Host.QueuesHaveApplied(older, newer, resolved);

        var queue = await app.Host.Queue<ClaimQueueItem>(jem.Supervisor, "citizenship-claims", $"ori={jem.Ori}");

        queue.Items.Select(i => (i.Case.CaseId, i.ReportedAt is not null)).ShouldBe([(older, true), (newer, false)]);
        queue.Items[0].Age.ShouldBeGreaterThan(TimeSpan.FromMinutes(89));
        var auditor = await app.Host.Queue<ClaimQueueItem>(app.Tokens.For(Roles.Auditor), "citizenship-claims", $"ori={jem.Ori}&model=JEM&limit=1");
        auditor.Items.Select(i => i.Case.CaseId).ShouldBe([older]);
        (await app.Host.Queue<ClaimQueueItem>(app.Tokens.For(Roles.Auditor), "citizenship-claims", $"ori={jem.Ori}&after={auditor.Next}"))
            .Items.Select(i => i.Case.CaseId).ShouldBe([newer]);
        (await app.Host.Queue<ClaimQueueItem>(jem.Supervisor, "citizenship-claims", $"ori={jem.Ori}&model=WSO")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_supervisor_of_another_field_office_sees_nothing_and_agencies_and_analysts_are_refused()
    {
        var jem = await Create(app);
        var caseId = await jem.Book();
        await Assert(jem, caseId, TimeSpan.FromMinutes(30));
        await app.Host.QueuesHaveApplied(caseId);
        var elsewhere = app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU");

        foreach (var queue in new[] { "review", "detainers", "releases", "deadlines", "citizenship-claims" })
        {
            (await (await app.Host.GetAs(elsewhere, $"/api/queues/{queue}?limit=500")).WholeAnswer()).ShouldNotContain(jem.Ori);
            (await (await app.Host.GetAs(elsewhere, $"/api/queues/{queue}?fieldOffice={SyntheticAgencies.FieldOffice}&ori={jem.Ori}")).WholeAnswer()).ShouldNotContain(jem.Ori);
            foreach (var refused in new[] { jem.Jail, app.Tokens.For(Roles.Analyst), app.Tokens.For(Roles.Admin) })
                await app.Host.GetAs(refused, $"/api/queues/{queue}", 403);
        }

        (await (await app.Host.GetAs(jem.Supervisor, $"/api/queues/citizenship-claims?ori={jem.Ori}")).WholeAnswer()).ShouldContain(caseId.ToString());
    }
}
