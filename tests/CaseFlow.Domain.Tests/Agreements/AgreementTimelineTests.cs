using CaseFlow.Domain.Agreements;

namespace CaseFlow.Domain.Tests.Agreements;

/// <summary>As-of questions at the boundary instants of suspension, lifting and termination.</summary>
public class AgreementTimelineTests
{
    private static readonly TimeSpan Cdt = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Cst = TimeSpan.FromHours(-6);

    private static readonly Agreement Signed = Agreement.Sign(new AgreementSigned(
        AgreementId.For("TX0790000", ProgramModel.WSO), "TX0790000", false, "Fort Bend County Sheriff's Office", "TX", "Fort Bend County", ProgramModel.WSO,
        new DateOnly(2025, 5, 28), "HOU", "America/Chicago", new DateOnly(2025, 7, 18), "ICE list"));

    private static Agreement After(params object[] events) => events.Aggregate(Signed, (state, e) => Agreement.Evolve(state, e)!);

    [Fact]
    public void a_suspension_holds_from_its_instant_until_lifted()
    {
        var suspendedAt = new DateTimeOffset(2025, 9, 1, 12, 0, 0, Cdt);
        var liftedAt = new DateTimeOffset(2025, 9, 15, 8, 0, 0, Cdt);
        var agreement = After(new AgreementSuspended(suspendedAt, "serious misconduct"), new SuspensionLifted(liftedAt));

        agreement.IsInForceAt(suspendedAt.AddTicks(-1)).ShouldBeTrue();
        agreement.IsInForceAt(suspendedAt).ShouldBeFalse();
        agreement.StatusAt(liftedAt.AddTicks(-1)).ShouldBe(AgreementStatus.Suspended);
        agreement.IsInForceAt(liftedAt).ShouldBeTrue();
    }

    [Fact]
    public void a_termination_takes_effect_ninety_days_after_notice_at_the_start_of_the_local_day()
    {
        var notice = new TerminationNoticed(new DateOnly(2025, 10, 1), AgreementPolicy.DefaultTerminationDate(new DateOnly(2025, 10, 1)), TerminatingParty.Agency);
        var agreement = After(notice);

        notice.EffectiveOn.ShouldBe(new DateOnly(2025, 12, 30));
        agreement.IsInForceAt(new DateTimeOffset(2025, 12, 29, 23, 59, 59, Cst)).ShouldBeTrue();
        agreement.StatusAt(new DateTimeOffset(2025, 12, 30, 0, 0, 0, Cst)).ShouldBe(AgreementStatus.Terminated);
    }

    [Fact]
    public void a_late_recorded_suspension_lands_where_it_took_effect()
    {
        var termination = new AgreementTerminated(new DateTimeOffset(2025, 11, 1, 0, 0, 0, Cdt), "agency withdrew");
        var earlierSuspension = new AgreementSuspended(new DateTimeOffset(2025, 8, 1, 0, 0, 0, Cdt), "misconduct");

        var agreement = After(termination, earlierSuspension);

        agreement.Periods.Select(p => p.Status).ShouldBe([AgreementStatus.Active, AgreementStatus.Suspended, AgreementStatus.Terminated]);
        agreement.StatusAt(new DateTimeOffset(2025, 9, 1, 0, 0, 0, Cdt)).ShouldBe(AgreementStatus.Suspended);
    }

    [Theory]
    [InlineData("suspend-suspended", "agreement-not-in-force")]
    [InlineData("lift-active", "agreement-not-suspended")]
    [InlineData("terminate-twice", "agreement-terminated")]
    [InlineData("suspend-before-signing", "before-agreement-signed")]
    [InlineData("notice-ending-before-it-is-given", "termination-before-notice")]
    [InlineData("second-notice-before-the-first-takes-effect", "termination-already-noticed")]
    [InlineData("second-notice-by-the-other-party", "termination-already-noticed")]
    [InlineData("first-notice", null)]
    [InlineData("lift-suspended", null)]
    public void agreement_rules(string situation, string? refusal)
    {
        var at = new DateTimeOffset(2025, 9, 1, 12, 0, 0, Cdt);
        var (state, @event) = situation switch
        {
            "suspend-suspended" => (After(new AgreementSuspended(at, "x")), (object)new AgreementSuspended(at.AddDays(1), "y")),
            "lift-active" => (Signed, new SuspensionLifted(at)),
            "terminate-twice" => (After(new AgreementTerminated(at, "x")), new AgreementTerminated(at.AddDays(1), "y")),
            "suspend-before-signing" => (Signed, new AgreementSuspended(new DateTimeOffset(2025, 5, 27, 12, 0, 0, Cdt), "x")),
            "notice-ending-before-it-is-given" => (Signed, new TerminationNoticed(new DateOnly(2025, 10, 1), new DateOnly(2025, 9, 1), TerminatingParty.Ice)),
            "second-notice-before-the-first-takes-effect" => (After(Notice(TerminatingParty.Agency)), Notice(TerminatingParty.Agency, days: 1)),
            "second-notice-by-the-other-party" => (After(Notice(TerminatingParty.Agency)), Notice(TerminatingParty.Ice, days: 30)),
            "first-notice" => (Signed, (object)Notice(TerminatingParty.Agency)),
            _ => (After(new AgreementSuspended(at, "x")), new SuspensionLifted(at.AddDays(3))),
        };

        (AgreementRules.Check(state, @event)?.Code).ShouldBe(refusal);
    }

    private static TerminationNoticed Notice(TerminatingParty by, int days = 0)
    {
        var on = new DateOnly(2025, 10, 1).AddDays(days);
        return new TerminationNoticed(on, AgreementPolicy.DefaultTerminationDate(on), by);
    }
}
