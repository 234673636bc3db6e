using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>
/// A void is an act with authority and consequences: it is refused while later events depend on the voided one, and
/// it takes the hold CaseFlow started with it when it removes the hold's basis.
/// </summary>
public class CaseVoidTests
{
    private static Refusal? Void(CaseFile state, int index, Func<Type, bool>? mayVoid = null) =>
        CaseRules.Check(state, new EventVoided(Id(index), "entered in error"), Context() with { MayVoid = mayVoid ?? (_ => true) });

    /// <summary>The JEM path without the warrant's service: the transfer stands on the hold alone.</summary>
    private static CaseFile TransferredUnderTheHold() =>
        Fold([.. Path().Take(17), new CustodyTransferredToIce(T0.AddDays(2).AddHours(20), "ERO Houston")]);

    [Theory]
    [InlineData(0, "not-voidable")] // the booking
    [InlineData(16, "not-voidable")] // the hold CaseFlow started
    [InlineData(3, null)] // the interview: nothing rests on it
    [InlineData(8, "void-has-dependents")] // the detainer's service: processing rests on it
    [InlineData(6, "void-has-dependents")] // ICE's approval: lodging rests on it
    public void what_may_be_voided_on_a_held_case(int index, string? refusal) =>
        (Void(After(17), index)?.Code).ShouldBe(refusal);

    [Theory]
    [InlineData(typeof(HoldExpired))]
    [InlineData(typeof(HoldWithdrawn))]
    public void what_caseflow_appended_itself_is_never_voided_by_a_client(Type own)
    {
        CaseEvent e = own == typeof(HoldExpired) ? new HoldExpired(T0.AddDays(4)) : new HoldWithdrawn([Id(16)], Id(15), T0.AddDays(3));
        var state = Fold([.. Path().Take(17), e]);

        Void(state, 17)!.Code.ShouldBe("not-voidable");
    }

    [Fact]
    public void only_whoever_may_post_the_kind_of_event_voids_it()
    {
        var approved = After(7);

        Void(approved, 6, type => type != typeof(DetainerApproved))!.Code.ShouldBe("void-not-permitted");
        Void(approved, 6, type => type == typeof(DetainerApproved)).ShouldBeNull();
    }

    [Fact]
    public void a_void_names_the_events_that_depend_on_it_latest_first()
    {
        var processing = After(12); // the I-213 and the charging document rest on the detainer's service

        var refusal = Void(processing, 8)!;

        refusal.Code.ShouldBe("void-has-dependents");
        CaseVoids.Judge(processing, Id(8)).Dependents.Select(d => d.EventId).ShouldBe([Id(11), Id(10)]);
        refusal.Detail.ShouldContain($"ChargingDocumentPrepared {Id(11)}, I213Prepared {Id(10)}");
        refusal.Extensions.ShouldContainKey("dependents");
    }

    [Fact]
    public void voiding_the_dependents_first_latest_first_lets_the_void_through()
    {
        var state = After(12);
        foreach (var index in new[] { 11, 10 })
        {
            Void(state, index).ShouldBeNull();
            state = CaseFile.Evolve(state, Guid.NewGuid(), new EventVoided(Id(index), "entered in error"))!;
        }

        Void(state, 8).ShouldBeNull();
    }

    [Fact]
    public void voiding_the_release_eligibility_withdraws_the_hold_in_the_same_transaction()
    {
        var held = After(17);
        var voidId = Guid.NewGuid();
        var voiding = new EventVoided(Id(15), "not release-eligible after all");

        Void(held, 15).ShouldBeNull();
        var appended = HoldClock.After(held, voidId, voiding, T0.AddDays(2.5));

        appended.Single().ShouldBe(new CaseFact(HoldClock.WithdrawalIdFor(held.Id, voidId), new HoldWithdrawn([Id(16)], Id(15), T0.AddDays(2.5))),
            new WithdrawalComparer());
        var after = appended.Aggregate(CaseFile.Evolve(held, voidId, voiding)!, (s, f) => CaseFile.Evolve(s, f.EventId, f.Event)!);
        after.Hold.ShouldBeNull();
        after.HoldEventId.ShouldBeNull();
        after.Status.ShouldBe(CaseStatus.AwaitingRelease);
    }

    [Fact]
    public void a_transfer_that_stood_on_the_hold_must_be_voided_before_the_hold_s_basis()
    {
        var transferred = TransferredUnderTheHold();

        Void(transferred, 15)!.Code.ShouldBe("void-has-dependents");
        CaseVoids.Judge(transferred, Id(15)).Dependents.Single().Event.ShouldBeOfType<CustodyTransferredToIce>();
        CaseVoids.Judge(transferred, Id(15)).Withdrawn.ShouldBe([Id(16)]);
    }

    [Fact]
    public void an_expired_hold_is_withdrawn_with_its_expiry()
    {
        var expired = Fold([.. Path().Take(17), new HoldExpired(T0.AddDays(4))]);

        CaseVoids.Judge(expired, Id(15)).ShouldBe(new VoidEffect([], [Id(16), Id(17)]), new EffectComparer());
    }

    [Fact]
    public void a_void_that_restores_the_basis_starts_a_hold_of_its_own()
    {
        var lifted = Fold([.. Path().Take(10), new DetainerLifted(T0.AddHours(12), LiftReason.ProsecutorialDiscretion), new ReleaseEligible(T0.AddDays(1))]);
        var voidId = Guid.NewGuid();

        var appended = HoldClock.After(lifted, voidId, new EventVoided(Id(10), "lifted on the wrong case"), T0.AddDays(1.5));

        appended.Single().ShouldBe(new CaseFact(HoldClock.HoldIdFor(lifted.Id, voidId), HoldPolicy.Start(T0.AddDays(1))));
    }

    /// <summary>Records holding lists compare by reference: these compare what they hold.</summary>
    private sealed class WithdrawalComparer : IEqualityComparer<CaseFact>
    {
        public bool Equals(CaseFact? x, CaseFact? y) =>
            x!.EventId == y!.EventId && x.Event is HoldWithdrawn a && y.Event is HoldWithdrawn b
            && a.WithdrawnEventIds.SequenceEqual(b.WithdrawnEventIds) && a.VoidedEventId == b.VoidedEventId && a.At == b.At;

        public int GetHashCode(CaseFact obj) => obj.EventId.GetHashCode();
    }

    private sealed class EffectComparer : IEqualityComparer<VoidEffect>
    {
        public bool Equals(VoidEffect? x, VoidEffect? y) => x!.Dependents.SequenceEqual(y!.Dependents) && x.Withdrawn.SequenceEqual(y.Withdrawn);

        public int GetHashCode(VoidEffect obj) => obj.Withdrawn.Count;
    }
}
