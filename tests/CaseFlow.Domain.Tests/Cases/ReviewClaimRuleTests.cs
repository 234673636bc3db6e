using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>A supervisor's claim on a review item: nobody else claims or decides it until it lapses or is decided.</summary>
public class ReviewClaimRuleTests
{
    private static readonly Actor Other = new("ice-supervisor-other", null);
    private static readonly DateTimeOffset ClaimedAt = T0.AddHours(5).AddMinutes(10);

    private static CaseFile Claimed() => CaseFile.Evolve(After(6), Guid.NewGuid(), new ReviewClaimed(ClaimedAt, Supervisor))!;

    /// <summary>The event as <paramref name="actor"/> records it <paramref name="sinceClaim"/> after the claim.</summary>
    private static string? Check(CaseFile state, Func<DateTimeOffset, CaseEvent> e, Actor actor, TimeSpan sinceClaim) =>
        CaseRules.Check(state, e(ClaimedAt + sinceClaim), Context(actor, ClaimedAt + sinceClaim))?.Code;

    [Theory]
    [InlineData(29.99, "review-claimed")] // the claim runs
    [InlineData(30, null)] // the claim lapses at its lifetime
    public void another_supervisor_may_decide_only_once_the_claim_has_lapsed(double minutes, string? refusal)
    {
        Check(Claimed(), at => new DetainerApproved(at, Other), Other, TimeSpan.FromMinutes(minutes)).ShouldBe(refusal);
        Check(Claimed(), at => new ReviewClaimed(at, Other), Other, TimeSpan.FromMinutes(minutes)).ShouldBe(refusal);
    }

    [Fact]
    public void the_claimant_decides_and_the_decision_ends_the_claim()
    {
        Check(Claimed(), at => new DetainerReturned(at, "Box 1(c)", Supervisor), Supervisor, TimeSpan.FromMinutes(1)).ShouldBeNull();
        Check(Claimed(), at => new ReviewClaimed(at, Supervisor), Supervisor, TimeSpan.FromMinutes(1)).ShouldBeNull();
        CaseFile.Evolve(Claimed(), Guid.NewGuid(), new DetainerApproved(ClaimedAt, Supervisor))!.ReviewClaim.ShouldBeNull();
    }

    [Fact]
    public void only_an_item_awaiting_review_can_be_claimed_and_a_configured_lifetime_is_honoured()
    {
        CaseRules.Check(After(7), new ReviewClaimed(ClaimedAt, Supervisor), Context(Supervisor, ClaimedAt))?.Code.ShouldBe("out-of-sequence");
        var shortLived = Context(Other, ClaimedAt.AddMinutes(5)) with { ReviewClaimLifetime = TimeSpan.FromMinutes(5) };
        CaseRules.Check(Claimed(), new DetainerApproved(ClaimedAt.AddMinutes(5), Other), shortLived).ShouldBeNull();
    }
}
