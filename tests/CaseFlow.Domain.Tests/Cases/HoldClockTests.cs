using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>
/// CaseFlow's hold clock: it starts at the later of release eligibility and the detainer's taking effect, whatever
/// the review's state, in the transaction of the event that made it due, under an id a replay derives again.
/// </summary>
public class HoldClockTests
{
    private static readonly DateTimeOffset Served = T0.AddHours(8);
    private static readonly Guid Trigger = Guid.NewGuid();

    /// <summary>The JEM path up to the detainer served on the person (and ICE told), nothing reviewed yet.</summary>
    private static CaseFile DetainerInEffect() => After(10);

    private static IReadOnlyList<CaseFact> Appended(CaseFile state, CaseEvent e) => HoldClock.After(state, Trigger, e, T0.AddDays(1));

    [Theory]
    [InlineData(-1, 0)] // eligible a second before the service: the hold starts when the detainer takes effect
    [InlineData(0, 0)]
    [InlineData(1, 1)] // eligible after the service: the hold starts at the eligibility
    [InlineData(3600, 3600)]
    public void the_hold_starts_at_the_later_of_release_eligibility_and_the_detainer_taking_effect(int eligibleAfterService, int startsAfterService)
    {
        var started = Appended(DetainerInEffect(), new ReleaseEligible(Served.AddSeconds(eligibleAfterService))).Single();

        started.EventId.ShouldBe(HoldClock.HoldIdFor(DetainerInEffect().Id, Trigger));
        started.Event.ShouldBe(HoldPolicy.Start(Served.AddSeconds(startsAfterService)));
        ((HoldStarted)started.Event).Deadline.ShouldBe(Served.AddSeconds(startsAfterService).AddHours(48));
    }

    [Fact]
    public void a_detainer_served_on_a_release_eligible_person_starts_the_hold_at_the_service()
    {
        var eligible = Fold([.. Path().Take(8), new ReleaseEligible(T0.AddHours(7.5))]);

        Appended(eligible, new DetainerServedOnSubject(Served, "in person")).Single().Event.ShouldBe(HoldPolicy.Start(Served));
    }

    [Fact]
    public void the_hold_does_not_wait_for_the_review_and_its_id_is_derived_from_case_and_trigger()
    {
        var state = DetainerInEffect();
        state.Review.ShouldBeNull();

        var first = Appended(state, new ReleaseEligible(T0.AddDays(1))).Single();
        var again = Appended(state, new ReleaseEligible(T0.AddDays(1))).Single();

        again.ShouldBe(first);
        first.EventId.ShouldNotBe(HoldClock.HoldIdFor(state.Id, Guid.NewGuid()));
    }

    public static TheoryData<string, CaseFile, CaseEvent> NoHold => new()
    {
        { "detainer lodged, not served", Fold(Path().Take(8)), new ReleaseEligible(T0.AddDays(1)) },
        { "not release-eligible", Fold(Path().Take(9)), new IceNotifiedOfDetainer(T0.AddHours(9)) },
        { "already held", After(17), new ReleaseEligible(T0.AddDays(2.5)) },
        { "released", Fold([.. Path().Take(10), new ReleasedFromLocalCustody(T0.AddDays(1), ReleaseReason.Bonded)]), new ReleaseEligible(T0.AddDays(1)) },
        { "detainer lifted", Fold([.. Path().Take(10), new DetainerLifted(T0.AddHours(12), LiftReason.ProsecutorialDiscretion)]), new ReleaseEligible(T0.AddDays(1)) },
        { "citizenship confirmed", Confirmed(), new ReleaseEligible(T0.AddDays(1)) },
        { "transferred to another agency", Fold([.. Path().Take(10), new TransferredToAgency("TX0040000", T0.AddHours(12))]), new ReleaseEligible(T0.AddDays(1)) },
    };

    [Theory]
    [MemberData(nameof(NoHold))]
    public void no_hold_starts_without_its_basis_or_while_enforcement_is_stopped(string situation, CaseFile state, CaseEvent e) =>
        Appended(state, e).ShouldBeEmpty(situation);

    /// <summary>The detainer in effect, then a citizenship claim ICE confirmed.</summary>
    private static CaseFile Confirmed() => Fold([.. Path().Take(10), new CitizenshipClaimAsserted(T0.AddHours(12), ClaimChannel.Interview),
        new CitizenshipClaimReported(T0.AddHours(12.5), "ERO Houston"), new CitizenshipClaimResolved(T0.AddHours(13), ClaimOutcome.CitizenshipConfirmed)]);

    [Fact]
    public void an_open_citizenship_claim_stops_enforcement_but_not_the_clock_that_limits_the_detention()
    {
        var claimed = Fold([.. Path().Take(10), new CitizenshipClaimAsserted(T0.AddHours(12), ClaimChannel.Interview)]);

        Appended(claimed, new ReleaseEligible(T0.AddDays(1))).Single().Event.ShouldBe(HoldPolicy.Start(T0.AddDays(1)));
        var held = Fold([.. claimed.Facts.Select(f => f.Event), new ReleaseEligible(T0.AddDays(1)), HoldPolicy.Start(T0.AddDays(1))]);
        Judge(held, new HoldExpired(T0.AddDays(3)), Context()).ShouldBeNull();
        Judge(held, new CustodyTransferredToIce(T0.AddDays(2), "ERO Houston"), Context())!.Code.ShouldBe("citizenship-claim-open");
    }

    [Fact]
    public void a_hold_is_accepted_in_the_history_only_at_its_instant()
    {
        var eligible = Fold([.. Path().Take(10), new ReleaseEligible(T0.AddDays(1))]);

        CaseRules.CheckInHistory(eligible, HoldPolicy.Start(T0.AddDays(1))).ShouldBeNull();
        CaseRules.CheckInHistory(eligible, HoldPolicy.Start(T0.AddDays(1).AddSeconds(-1)))!.Code.ShouldBe("hold-not-at-its-basis");
        CaseRules.CheckInHistory(eligible, HoldPolicy.Start(T0.AddDays(1).AddSeconds(1)))!.Code.ShouldBe("hold-not-at-its-basis");
        CaseRules.CheckInHistory(Fold(Path().Take(10)), HoldPolicy.Start(T0.AddDays(1)))!.Code.ShouldBe("out-of-sequence");
    }

    [Theory]
    [InlineData(-1, true)] // held, a second before the deadline
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void within_the_hold_deadline_is_read_only_from_a_running_clock(int secondsFromDeadline, bool within)
    {
        var held = After(17);

        CaseSequence.Checklist(held, held.Hold!.Deadline!.Value.AddSeconds(secondsFromDeadline))["within-hold-deadline"].ShouldBe(within);
    }

    [Fact]
    public void a_person_held_without_a_running_clock_is_never_within_the_hold_deadline()
    {
        var heldWithoutClock = Fold([.. Path().Take(10), new ReleaseEligible(T0.AddDays(1))]); // as the store never leaves it

        heldWithoutClock.Hold.ShouldBeNull();
        CaseSequence.Checklist(heldWithoutClock, T0.AddDays(1))["within-hold-deadline"].ShouldBeFalse();
        CaseSequence.Checklist(After(10), T0.AddDays(1))["within-hold-deadline"].ShouldBeFalse();
    }
}
