using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Queues;

/// <summary>Claiming a review item: two supervisors never decide the same item; the claim shows on the queue and ends with the decision.</summary>
public class ReviewClaimTests(AppFixture app)
{
    [Fact]
    public async Task a_claimed_item_is_decided_only_by_its_claimant_and_the_decision_ends_the_claim()
    {
        var jem = await Create(app);
        var caseId = await jem.Book();
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = Now(20) });
        await jem.Post(caseId, "RecordsCheckCompleted", new { completedAt = Now(19), systemsChecked = new[] { "IDENT" }, biometricMatch = true });
        await jem.Post(caseId, "DeterminationRecorded", new { determinedAt = Now(18), outcome = "Removable" });
        await jem.Post(caseId, "DetainerPrepared", new { preparedAt = Now(17), bases = new[] { "BiometricAndRecords" }, warrantType = "I-200" });
        var other = app.Tokens.For(Roles.Supervisor, fieldOffice: SyntheticAgencies.FieldOffice, subject: "supervisor-b", warrantAuthority: "I-200 I-205");

        var claimed = await jem.Decide(caseId, "ReviewClaimed", new { claimedAt = Now(2) }).Position();
        var refused = await jem.Decide(caseId, "DetainerApproved", new { approvedAt = Now(1) }, 422, token: other);
        var claimedAgain = await jem.Decide(caseId, "ReviewClaimed", new { claimedAt = Now(1) }, 422, token: other);
        var queue = await app.Host.Queue<ReviewQueueItem>(other, "review", $"ori={jem.Ori}&position={claimed}");

        (await refused.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:review-claimed");
        (await claimedAgain.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:review-claimed");
        var holder = queue.Items.Single().Claim.ShouldNotBeNull();
        holder.By.Subject.ShouldBe("supervisor-a");
        (holder.Until - holder.ClaimedAt).ShouldBe(TimeSpan.FromMinutes(30));

        await jem.Decide(caseId, "DetainerReturned", new { returnedAt = Now(1), comments = "Box 1(c) needs the IDENT FIN." });
        await jem.Post(caseId, "DetainerPrepared", new { preparedAt = Now(0), bases = new[] { "BiometricAndRecords" }, warrantType = "I-200" });
        var approved = await jem.Decide(caseId, "DetainerApproved", new { approvedAt = Now(0) }, token: other).Position();
        (await app.Host.Queue<ReviewQueueItem>(other, "review", $"ori={jem.Ori}&position={approved}")).Items.ShouldBeEmpty();
    }
}
