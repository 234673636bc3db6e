using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>One instant per step: the data's <c>...At</c> is the envelope's occurredAt, between the booking and now, after what it follows.</summary>
public class CaseInstantTests
{
    private static readonly DateTimeOffset Opened = T0.AddHours(1);

    [Theory]
    [InlineData(0, null)]
    [InlineData(999, null)] // the same second
    [InlineData(1000, "instant-mismatch")]
    [InlineData(-1, "instant-mismatch")] // the second before
    public void the_steps_instant_is_the_envelopes_occurred_at_to_the_second(int occurredAfterMs, string? refusal) =>
        (CaseRules.Check(After(1), new ScreeningOpened(Opened), Context(at: Opened.AddMilliseconds(occurredAfterMs)))?.Code).ShouldBe(refusal);

    [Theory]
    [InlineData(0, null)]
    [InlineData(-1, "instant-out-of-order")]
    public void nothing_precedes_the_booking(int secondsAfterBooking, string? refusal) =>
        (Judge(After(1), new ScreeningOpened(T0.AddSeconds(secondsAfterBooking)), Context())?.Code).ShouldBe(refusal);

    [Theory]
    [InlineData(0, null)]
    [InlineData(-1, "instant-out-of-order")]
    public void a_booking_is_referred_no_earlier_than_it_was_booked(int referredSecondsAfterBooking, string? refusal) =>
        (CaseRules.CheckBooking(Booking(), Jem, T0.AddSeconds(referredSecondsAfterBooking), T0.AddHours(1))?.Code).ShouldBe(refusal);

    [Theory]
    [InlineData(300, null)]
    [InlineData(301, "instant-in-future")]
    public void nothing_lies_beyond_now_and_the_allowed_skew(int secondsAhead, string? refusal)
    {
        var now = T0.AddHours(3);
        var opened = now.AddSeconds(secondsAhead);

        (CaseRules.Check(After(1), new ScreeningOpened(opened), Context(at: now) with { OccurredAt = opened })?.Code).ShouldBe(refusal);
    }

    /// <summary>The impossible order, the path steps taken (the last is the step followed) and the step: accepted at that step's instant, refused a second before.</summary>
    public static TheoryData<string, int, string> Orders => new()
    {
        { "a notice before the detainer it reports", 8, nameof(IceNotifiedOfDetainer) },
        { "service before lodging", 8, nameof(DetainerServedOnSubject) },
        { "lodging before approval", 7, nameof(DetainerLodged) },
        { "approval before preparation", 6, nameof(DetainerApproved) },
        { "documents before the detainer took effect", 9, nameof(I213Prepared) },
        { "submission before the documents", 12, nameof(SubmittedForReview) },
        { "a transfer before release eligibility and the hold", 17, nameof(CustodyTransferredToIce) },
        { "closure before the transfer", 19, nameof(CaseClosed) },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void a_step_cannot_precede_the_step_it_follows(string situation, int steps, string type)
    {
        var state = After(steps);
        var follows = CaseInstants.Of(Path()[steps - 1])!.Value;

        Judge(state, Step(type, follows), Context(ActorFor(type))).ShouldBeNull(situation);
        Judge(state, Step(type, follows.AddSeconds(-1)), Context(ActorFor(type)))!.Code.ShouldBe("instant-out-of-order", situation);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-1, "instant-out-of-order")]
    public void a_claim_is_not_reported_before_it_was_asserted(int secondsAfterAssertion, string? refusal)
    {
        var asserted = T0.AddHours(2);
        var claimed = Fold([.. Path().Take(2), new CitizenshipClaimAsserted(asserted, ClaimChannel.Interview)]);

        (Judge(claimed, new CitizenshipClaimReported(asserted.AddSeconds(secondsAfterAssertion), "ERO Houston"), Context())?.Code).ShouldBe(refusal);
    }

    [Fact]
    public void the_deadlines_run_from_the_instants_that_passed()
    {
        var determined = T0.AddHours(4);
        var claimed = Fold([.. Path().Take(4), new DeterminationRecorded(determined, Determination.CitizenshipClaimed)]);

        CaseDeadlines.Of(claimed, determined).Single(d => d.Rule == "citizenship-claim-reported-within-1h").Due.ShouldBe(determined + CaseDeadlines.ClaimReport);
        After(17).Hold!.Deadline.ShouldBe(CaseInstants.Of(Path()[16])!.Value + HoldPolicy.Limit);
    }

    private static Actor ActorFor(string type) => CaseRules.SupervisorDecisions.Any(t => t.Name == type) ? Supervisor : Jail;

    private static CaseEvent Step(string type, DateTimeOffset at) => type switch
    {
        nameof(IceNotifiedOfDetainer) => new IceNotifiedOfDetainer(at),
        nameof(DetainerServedOnSubject) => new DetainerServedOnSubject(at, "in person"),
        nameof(DetainerLodged) => new DetainerLodged(at),
        nameof(DetainerApproved) => new DetainerApproved(at),
        nameof(I213Prepared) => new I213Prepared(at, "I213-1"),
        nameof(SubmittedForReview) => new SubmittedForReview(at, [ReviewItem.I213, ReviewItem.ChargingDocument]),
        nameof(CustodyTransferredToIce) => new CustodyTransferredToIce(at, "ERO Houston"),
        _ => new CaseClosed(at, Disposition.TransferredToIce),
    };
}
