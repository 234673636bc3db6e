using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Officers;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>A decision table per case rule: the situation, the event, and the refusal expected (null: accepted).</summary>
public class CaseDecisionTests
{
    private static string? Check(CaseFile state, CaseEvent e, CaseRuleContext? context = null) => Judge(state, e, context ?? Context())?.Code;

    private static readonly DetainerPrepared Biometric = new(T0.AddHours(5), [ProbableCauseBasis.BiometricAndRecords], WarrantType.I200, Jail);

    [Fact]
    public void a_detainer_needs_a_probable_cause_basis_and_a_biometric_basis_needs_a_match()
    {
        var removable = After(5);
        var removableWithoutMatch = Fold([.. Path().Take(2), new RecordsCheckCompleted(T0.AddHours(2), ["IDENT"], false), new DeterminationRecorded(T0.AddHours(4), Determination.Removable)]);

        Check(removable, Biometric with { Bases = [] }).ShouldBe("no-probable-cause");
        Check(removableWithoutMatch, Biometric).ShouldBe("biometric-basis-without-match");
        Check(removableWithoutMatch, Biometric with { Bases = [ProbableCauseBasis.StatementsOrEvidence] }).ShouldBeNull();
        Check(removable, Biometric).ShouldBeNull();
    }

    [Fact]
    public void a_detainer_rests_on_a_criminal_charge()
    {
        var dropped = Fold([.. Path().Take(5), new ChargesAmended([new Charge("TC 1", "Speeding", ChargeLevel.Infraction)], "reduced")]);

        Check(dropped, Biometric).ShouldBe("no-criminal-charge");
    }

    [Theory]
    [InlineData(6, "DetainerLodged", "out-of-sequence")] // lodged before approval
    [InlineData(7, "DetainerLodged", null)]
    [InlineData(7, "DetainerServedOnSubject", "out-of-sequence")]
    [InlineData(8, "I213Prepared", "out-of-sequence")] // processing follows service
    [InlineData(13, "ChargingDocumentServed", "out-of-sequence")]
    [InlineData(14, "HoldStarted", "out-of-sequence")] // needs release eligibility or warrant service
    public void steps_follow_the_state_machine(int steps, string type, string? refusal)
    {
        var e = Path().Concat([new DetainerLodged(T0.AddHours(7)), new DetainerServedOnSubject(T0.AddHours(8), "in person"), new I213Prepared(T0, "X", Jail),
            new ChargingDocumentServed(T0.AddHours(14)), HoldPolicy.Start(T0.AddDays(2))]).First(x => x.GetType().Name == type);

        Check(After(steps), e).ShouldBe(refusal);
    }

    [Fact]
    public void an_open_citizenship_claim_blocks_every_enforcement_step_until_resolved()
    {
        var claimed = Fold([.. Path().Take(5), new CitizenshipClaimAsserted(T0.AddHours(4.5), ClaimChannel.Interview)]);

        Check(claimed, Biometric).ShouldBe("citizenship-claim-open");
        Check(claimed, new ScheduledReleaseSet(T0.AddDays(9))).ShouldBeNull();
        var reported = Fold([.. claimed.Facts.Select(f => f.Event), new CitizenshipClaimReported(T0.AddHours(5), "ERO Houston")]);
        Check(reported, new CitizenshipClaimResolved(T0.AddHours(6), ClaimOutcome.NotSubstantiated), Context(Supervisor)).ShouldBeNull();
        var resolved = Fold([.. reported.Facts.Select(f => f.Event), new CitizenshipClaimResolved(T0.AddHours(6), ClaimOutcome.NotSubstantiated)]);
        Check(resolved, Biometric).ShouldBeNull();
    }

    [Fact]
    public void a_supervisor_never_decides_on_their_own_work_and_needs_authority_for_the_warrant()
    {
        var prepared = After(6);
        var approval = new DetainerApproved(T0.AddHours(6));

        Check(prepared, approval, Context(new Actor(Jail.Subject, null))).ShouldBe("self-approval");
        Check(prepared, approval, Context(new Actor("someone-else", Badge))).ShouldBe("self-approval");
        Check(prepared, approval, Context(Supervisor, authority: WarrantType.I205)).ShouldBe("no-warrant-authority");
        Check(prepared, approval, Context(Supervisor, authority: WarrantType.I200)).ShouldBeNull();
    }

    [Fact]
    public void an_officer_step_needs_the_agreement_and_an_authorized_officer_named()
    {
        var booked = After(1);
        var opened = new ScreeningOpened(T0.AddHours(1));
        var suspended = Agreement.Evolve(Jem, new AgreementSuspended(T0.AddHours(-1), "misconduct"))!;
        var revokedAt = T0.AddHours(1);
        var revoked = Officer.Evolve(AuthorizedOfficer, new AuthorizationRevoked(revokedAt, "transfer", "L-9"))!;

        Check(booked, opened, Context(agreement: suspended)).ShouldBe("agreement-not-in-force");
        Check(booked, opened, Context(new Actor(Jail.Subject, null))).ShouldBe("officer-required");
        Check(booked, new ScreeningOpened(revokedAt.AddTicks(-1)), Context(officer: revoked)).ShouldBeNull();
        Check(booked, new ScreeningOpened(revokedAt), Context(officer: revoked)).ShouldBe("officer-not-authorized");
        Check(booked, new ScreeningOpened(revokedAt.AddHours(1)), Context(officer: revoked)).ShouldBe("officer-not-authorized");
    }

    [Fact]
    public void a_transfer_after_the_hold_deadline_is_refused()
    {
        var held = After(17);

        Check(held, new CustodyTransferredToIce(held.Hold!.Deadline!.Value, "ERO Houston")).ShouldBeNull();
        Check(held, new CustodyTransferredToIce(held.Hold.Deadline.Value.AddSeconds(1), "ERO Houston")).ShouldBe("hold-expired");
        held.Hold.PolicyVersion.ShouldBe(HoldPolicy.Version);
        (held.Hold.Deadline - held.Hold.From).ShouldBe(TimeSpan.FromHours(48));
    }

    [Fact]
    public void an_expired_hold_leaves_only_release()
    {
        var expired = CaseFile.Evolve(After(17), Guid.NewGuid(), new HoldExpired(T0.AddDays(4)))!;

        expired.Status.ShouldBe(CaseStatus.HoldExpired);
        Check(expired, new CustodyTransferredToIce(T0.AddDays(4).AddMinutes(5), "ERO Houston")).ShouldBe("out-of-sequence");
        Check(expired, new HoldExpired(T0.AddDays(4))).ShouldBe("out-of-sequence");
        Check(expired, new ReleasedFromLocalCustody(T0.AddDays(4).AddMinutes(5), ReleaseReason.HoldExpired)).ShouldBeNull();
    }

    [Fact]
    public void after_closure_only_corrections_are_accepted()
    {
        var closed = Fold(Path());

        Check(closed, new ReleaseEligible(T0.AddDays(4))).ShouldBe("case-closed");
        Check(closed, new ChargesAmended([new Charge("X", "Y", ChargeLevel.Felony)], "added after booking")).ShouldBeNull();
        Check(closed, new EventVoided(Id(3), "entered on the wrong case")).ShouldBeNull();
    }

    [Fact]
    public void a_voided_event_drops_out_of_the_case()
    {
        var served = After(9);
        var voided = CaseFile.Evolve(served, Guid.NewGuid(), new EventVoided(Id(8), "served on the wrong person"))!;

        served.Status.ShouldBe(CaseStatus.DetainerActive);
        voided.Status.ShouldBe(CaseStatus.DetainerLodged);
        voided.VoidedEventIds.ShouldBe([Id(8)]);
        Check(voided, new EventVoided(Id(8), "again")).ShouldBe("already-voided");
        Check(voided, new EventVoided(Id(0), "the booking")).ShouldBe("not-voidable");
        Check(voided, new EventVoided(Guid.NewGuid(), "unknown")).ShouldBe("unknown-event");
    }

    [Fact]
    public void a_confirmed_citizen_s_case_closes()
    {
        var confirmed = Fold([.. Path().Take(2), new CitizenshipClaimAsserted(T0.AddHours(2), ClaimChannel.Interview),
            new CitizenshipClaimReported(T0.AddHours(2.5), "ERO Houston"), new CitizenshipClaimResolved(T0.AddHours(3), ClaimOutcome.CitizenshipConfirmed)]);

        Check(confirmed, new CaseClosed(T0.AddHours(4), Disposition.CitizenshipConfirmed)).ShouldBeNull();
        Check(After(2), new CaseClosed(T0.AddHours(4), Disposition.NoAction)).ShouldBe("out-of-sequence");
    }
}
