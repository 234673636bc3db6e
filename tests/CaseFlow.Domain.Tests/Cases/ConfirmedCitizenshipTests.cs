using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>Once ICE confirms a citizenship claim enforcement is over; a "citizenship claimed" determination opens a claim.</summary>
public class ConfirmedCitizenshipTests
{
    private static CaseFile ConfirmedAfter(int steps)
    {
        var t = CaseInstants.Of(Path()[steps - 1]) ?? T0;
        return Fold([.. Path().Take(steps), new CitizenshipClaimAsserted(t.AddMinutes(10), ClaimChannel.Interview),
            new CitizenshipClaimReported(t.AddMinutes(20), "ERO Houston"), new CitizenshipClaimResolved(t.AddMinutes(30), ClaimOutcome.CitizenshipConfirmed)]);
    }

    public static TheoryData<int, string, string?> Table => new()
    {
        // path steps taken before the claim, the step after its confirmation, refusal
        { 2, nameof(DeterminationRecorded), "citizenship-confirmed" },
        { 5, nameof(DetainerPrepared), "citizenship-confirmed" },
        { 8, nameof(DetainerServedOnSubject), "citizenship-confirmed" },
        { 14, nameof(WarrantServed), "citizenship-confirmed" },
        { 17, nameof(CustodyTransferredToIce), "citizenship-confirmed" },
        { 17, nameof(CitizenshipClaimAsserted), "citizenship-confirmed" },
        { 17, nameof(DetainerLifted), null },
        { 17, nameof(ReleasedFromLocalCustody), null },
        { 17, nameof(CaseClosed), null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void a_confirmed_citizen_faces_no_enforcement_step_and_no_new_claim(int steps, string type, string? refusal)
    {
        var confirmed = ConfirmedAfter(steps);
        var at = confirmed.Facts.Max(f => CaseInstants.Of(f.Event) ?? T0).AddMinutes(5);
        CaseEvent e = type switch
        {
            nameof(DeterminationRecorded) => new DeterminationRecorded(at, Determination.Removable),
            nameof(DetainerPrepared) => new DetainerPrepared(at, [ProbableCauseBasis.StatementsOrEvidence], WarrantType.I200),
            nameof(DetainerServedOnSubject) => new DetainerServedOnSubject(at, "in person"),
            nameof(WarrantServed) => new WarrantServed(at, WarrantType.I200),
            nameof(CustodyTransferredToIce) => new CustodyTransferredToIce(at, "ERO Houston"),
            nameof(CitizenshipClaimAsserted) => new CitizenshipClaimAsserted(at, ClaimChannel.Written),
            nameof(DetainerLifted) => new DetainerLifted(at, LiftReason.CitizenshipClaim),
            nameof(ReleasedFromLocalCustody) => new ReleasedFromLocalCustody(at, ReleaseReason.CitizenshipConfirmed),
            _ => new CaseClosed(at, Disposition.CitizenshipConfirmed),
        };

        (Judge(confirmed, e, Context(type == nameof(DetainerLifted) ? Supervisor : Jail))?.Code).ShouldBe(refusal);
    }

    [Theory]
    [InlineData(Disposition.CitizenshipConfirmed, null)]
    [InlineData(Disposition.DetainerLifted, "disposition-contradicts-facts")]
    [InlineData(Disposition.ReleasedWithoutTransfer, "disposition-contradicts-facts")]
    public void a_confirmed_citizen_s_case_closes_only_as_such(Disposition disposition, string? refusal)
    {
        var confirmed = ConfirmedAfter(17);
        var at = T0.AddDays(3);
        var lifted = CaseFile.Evolve(confirmed, Guid.NewGuid(), new DetainerLifted(at, LiftReason.CitizenshipClaim))!;
        var released = CaseFile.Evolve(lifted, Guid.NewGuid(), new ReleasedFromLocalCustody(at.AddMinutes(1), ReleaseReason.CitizenshipConfirmed))!;

        (Judge(released, new CaseClosed(at.AddMinutes(2), disposition), Context())?.Code).ShouldBe(refusal);
    }

    [Fact]
    public void a_citizenship_claimed_determination_opens_a_claim_with_its_one_hour_clock()
    {
        var determined = T0.AddHours(4);
        var claimed = Fold([.. Path().Take(4), new DeterminationRecorded(determined, Determination.CitizenshipClaimed)]);

        claimed.Status.ShouldBe(CaseStatus.CitizenshipClaimPending);
        claimed.ClaimAssertedAt.ShouldBe(determined);
        CaseDeadlines.Of(claimed, determined.AddHours(1)).Single(d => d.Rule == "citizenship-claim-reported-within-1h").Late.ShouldBeFalse();
        CaseDeadlines.Of(claimed, determined.AddHours(1).AddSeconds(1)).Single(d => d.Rule == "citizenship-claim-reported-within-1h").Late.ShouldBeTrue();
        Judge(claimed, new DetainerPrepared(determined.AddMinutes(5), [ProbableCauseBasis.StatementsOrEvidence], WarrantType.I200), Context())!.Code.ShouldBe("citizenship-claim-open");
        Judge(claimed, new CitizenshipClaimReported(determined.AddMinutes(5), "ERO Houston"), Context()).ShouldBeNull();
    }

    [Fact]
    public void a_claim_already_open_keeps_its_own_clock_when_the_determination_follows()
    {
        var asserted = T0.AddHours(3.5);
        var claimed = Fold([.. Path().Take(4), new CitizenshipClaimAsserted(asserted, ClaimChannel.Interview), new DeterminationRecorded(T0.AddHours(4), Determination.CitizenshipClaimed)]);

        claimed.ClaimAssertedAt.ShouldBe(asserted);
    }

    [Fact]
    public void an_unsubstantiated_claim_from_the_determination_lets_the_officer_determine_again()
    {
        var determined = T0.AddHours(4);
        var resolved = Fold([.. Path().Take(4), new DeterminationRecorded(determined, Determination.CitizenshipClaimed),
            new CitizenshipClaimReported(determined.AddMinutes(30), "ERO Houston"), new CitizenshipClaimResolved(determined.AddHours(2), ClaimOutcome.NotSubstantiated)]);

        Judge(resolved, new DeterminationRecorded(determined.AddHours(2), Determination.Removable), Context()).ShouldBeNull();
        Judge(resolved, new DeterminationRecorded(determined.AddHours(2).AddSeconds(-1), Determination.Removable), Context())!.Code.ShouldBe("instant-out-of-order");
    }
}
