using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Officers;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>
/// Every step taken under the agreement needs it in force; what protects the person's liberty or ends custody is always
/// recordable; the summary lists the lapses of the agreement while the case was open.
/// </summary>
public class AgreementInForceTests
{
    private static readonly DateTimeOffset SuspendedAt = T0.AddDays(2).AddMinutes(30);
    private static readonly Agreement Suspended = Agreement.Evolve(Jem, new AgreementSuspended(SuspendedAt, "misconduct"))!;

    public static TheoryData<int, string, int, string?> Table => new()
    {
        // path steps taken, the step, seconds after the suspension it occurred, refusal
        { 15, nameof(WarrantServed), -1, null },
        { 15, nameof(WarrantServed), 0, "agreement-not-in-force" },
        { 14, nameof(ChargingDocumentServed), 0, "agreement-not-in-force" },
        { 17, nameof(CustodyTransferredToIce), 0, null },
        { 17, nameof(ReleasedFromLocalCustody), 0, null },
        { 17, nameof(DetainerLifted), 0, null },
        { 15, nameof(ReleaseEligible), 0, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void officer_steps_need_the_agreement_and_liberty_is_always_recordable(int steps, string type, int secondsAfterSuspension, string? refusal)
    {
        var at = SuspendedAt.AddSeconds(secondsAfterSuspension);
        CaseEvent e = type switch
        {
            nameof(WarrantServed) => new WarrantServed(at, WarrantType.I200),
            nameof(ChargingDocumentServed) => new ChargingDocumentServed(at),
            nameof(CustodyTransferredToIce) => new CustodyTransferredToIce(at, "ERO Houston"),
            nameof(ReleasedFromLocalCustody) => new ReleasedFromLocalCustody(at, ReleaseReason.Bonded),
            nameof(DetainerLifted) => new DetainerLifted(at, LiftReason.ProsecutorialDiscretion),
            _ => new ReleaseEligible(at),
        };
        var actor = type == nameof(DetainerLifted) ? Supervisor : Jail;

        (Judge(After(steps), e, Context(actor, agreement: Suspended))?.Code).ShouldBe(refusal);
    }

    [Theory]
    [InlineData("FB-1001", -1, null)]
    [InlineData("FB-1001", 0, "agreement-not-in-force")]
    [InlineData(null, 0, null)] // ICE lodges its own detainer
    public void a_wso_detainer_lodged_by_a_designated_officer_is_taken_under_the_agreement(string? badge, int secondsAfterSuspension, string? refusal)
    {
        var wso = Agreement.Evolve(WsoAgreement, new AgreementSuspended(SuspendedAt, "misconduct"))!;
        var onFile = Fold([Booking() with { Model = ProgramModel.WSO, AgreementId = wso.Id }, new WarrantReceivedFromIce(T0.AddHours(1), WarrantType.I205, "ICE-DET-1")]);
        var at = SuspendedAt.AddSeconds(secondsAfterSuspension);

        (Judge(onFile, new DetainerLodged(at), Context(new Actor("someone", badge), agreement: wso) with { RecordedAt = at })?.Code).ShouldBe(refusal);
    }

    [Theory]
    [InlineData(-2, -1, 0)] // suspended and restored before the booking
    [InlineData(-1, 1, 1)] // suspended before, restored after the booking
    [InlineData(10, 20, 1)] // suspended and restored while open
    [InlineData(72, 80, 1)] // suspended at the instant of closure
    [InlineData(73, 80, 0)] // suspended after the closure
    public void the_summary_flags_a_lapse_while_the_case_was_open(int suspendedHoursAfterBooking, int restoredHoursAfterBooking, int lapses)
    {
        var closed = Fold([.. Path().Take(19), new CaseClosed(T0.AddDays(3), Disposition.TransferredToIce)]);
        var agreement = new object[]
        {
            new AgreementSuspended(T0.AddHours(suspendedHoursAfterBooking), "review"), new SuspensionLifted(T0.AddHours(restoredHoursAfterBooking)),
        }.Aggregate(Jem, (a, e) => Agreement.Evolve(a, e)!);

        AgreementLapses.WhileOpen(closed, agreement, T0.AddDays(30)).Count.ShouldBe(lapses);
    }

    [Fact]
    public void an_open_case_counts_a_termination_up_to_now()
    {
        var open = After(9);
        var terminated = Agreement.Evolve(Jem, new AgreementTerminated(T0.AddDays(10), "ended by the agency"))!;

        AgreementLapses.WhileOpen(open, terminated, T0.AddDays(10).AddTicks(-1)).ShouldBeEmpty();
        AgreementLapses.WhileOpen(open, terminated, T0.AddDays(10)).Single().Status.ShouldBe(AgreementStatus.Terminated);
    }
}
