using CaseFlow.Domain.Cases;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Queues;

/// <summary>The review queue: what waits for a supervisor's decision, oldest first, and the claims that keep two supervisors off one item.</summary>
public class ReviewQueueTests(AppFixture app)
{
    private static async Task Determined(CaseScenario jem, Guid caseId)
    {
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = Now(200) });
        await jem.Post(caseId, "RecordsCheckCompleted", new { completedAt = Now(199), systemsChecked = new[] { "IDENT" }, biometricMatch = true });
        await jem.Post(caseId, "DeterminationRecorded", new { determinedAt = Now(198), outcome = "Removable" });
    }

    private static Task Prepare(CaseScenario jem, Guid caseId, int minutesAgo) =>
        jem.Post(caseId, "DetainerPrepared", new { preparedAt = Now(minutesAgo), bases = new[] { "BiometricAndRecords" }, warrantType = "I-200" });

    [Fact]
    public async Task detainers_and_packages_awaiting_review_are_listed_oldest_first_with_their_returns_and_leave_when_decided()
    {
        var jem = await Create(app);
        var (returned, fresh, package) = (await jem.Book(), await jem.Book(), await jem.Book());
        foreach (var caseId in new[] { returned, fresh })
            await Determined(jem, caseId);
        await Prepare(jem, returned, 190);
        await jem.Decide(returned, "DetainerReturned", new { returnedAt = Now(185), comments = "Box 1(c) needs the IDENT FIN." });
        await Prepare(jem, returned, 120);
        await Prepare(jem, fresh, 150);
        await jem.DetainerInEffect(package);
        await jem.Post(package, "I213Prepared", new { preparedAt = Now(40), documentRef = "I213-1" });
        await jem.Post(package, "ChargingDocumentPrepared", new { preparedAt = Now(39), documentType = "NoticeToAppear", charges = new[] { "212(a)(6)(A)(i)" } });
        await jem.Post(package, "SubmittedForReview", new { submittedAt = Now(38), items = new[] { "I213", "ChargingDocument" } });
        await app.Host.QueuesHaveApplied(returned, fresh, package);

        var queue = await app.Host.Queue<ReviewQueueItem>(jem.Supervisor, "review", $"ori={jem.Ori}");

        queue.Items.Select(i => (i.Case.CaseId, i.Subject, i.Returns)).ShouldBe(
            [(fresh, ReviewSubject.Detainer, 0), (returned, ReviewSubject.Detainer, 1), (package, ReviewSubject.ChargingDocuments, 0)]);
        queue.Items[0].Age.ShouldBeGreaterThan(TimeSpan.FromMinutes(149));
        queue.Items[0].PreparedBy!.OfficerBadge.ShouldBe(Badge);
        queue.Items.ShouldAllBe(i => i.Claim == null && i.Case.NextSteps.Count > 0);

        var decided = await jem.Decide(fresh, "DetainerApproved", new { approvedAt = Now(1) }).Position();
        var after = await app.Host.Queue<ReviewQueueItem>(jem.Supervisor, "review", $"ori={jem.Ori}&position={decided}");

        after.Stale.ShouldBeFalse();
        after.Position.ShouldBeGreaterThanOrEqualTo(decided);
        after.Items.Select(i => i.Case.CaseId).ShouldBe([returned, package]);
    }
}
