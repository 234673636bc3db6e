using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>No enforcement outside custody: once released, free of the detainer or handed to another agency, the person is not the jail's to act on.</summary>
public class CustodyTests
{
    public static TheoryData<string, int, string, string?> Table => new()
    {
        // how custody ended, path steps taken before, the step, refusal
        { "released", 1, nameof(ScreeningOpened), "not-in-custody" },
        { "released", 4, nameof(InterviewConducted), "not-in-custody" },
        { "released", 8, nameof(DetainerServedOnSubject), "not-in-custody" },
        { "released", 14, nameof(ChargingDocumentServed), "not-in-custody" },
        { "released", 15, nameof(WarrantServed), "not-in-custody" },
        { "released", 17, nameof(CustodyTransferredToIce), "not-in-custody" },
        { "released", 17, nameof(DetainerLifted), null },
        { "released", 17, nameof(CaseClosed), null },
        { "lifted", 9, nameof(InterviewConducted), "not-in-custody" },
        { "lifted", 15, nameof(WarrantServed), "not-in-custody" },
        { "lifted", 17, nameof(CustodyTransferredToIce), "not-in-custody" },
        { "lifted", 17, nameof(ReleasedFromLocalCustody), null },
        { "lifted", 17, nameof(CaseClosed), null },
        { "transferred to another agency", 1, nameof(ScreeningOpened), "not-in-custody" },
        { "transferred to another agency", 8, nameof(DetainerServedOnSubject), "not-in-custody" },
        { "transferred to another agency", 8, nameof(DetainerLifted), null },
        { "transferred to another agency", 8, nameof(CaseClosed), null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void steps_needing_custody_are_refused_outside_it(string ended, int steps, string type, string? refusal)
    {
        var at = T0.AddDays(3);
        CaseEvent end = ended switch
        {
            "released" => new ReleasedFromLocalCustody(at, ReleaseReason.Bonded),
            "lifted" => new DetainerLifted(at, LiftReason.ProsecutorialDiscretion),
            _ => new TransferredToAgency("TX0040000", at),
        };
        var state = Fold([.. Path().Take(steps), end]);
        var next = at.AddMinutes(5);
        CaseEvent e = type switch
        {
            nameof(ScreeningOpened) => new ScreeningOpened(next),
            nameof(InterviewConducted) => new InterviewConducted(next, true, false),
            nameof(DetainerServedOnSubject) => new DetainerServedOnSubject(next, "in person"),
            nameof(ChargingDocumentServed) => new ChargingDocumentServed(next),
            nameof(WarrantServed) => new WarrantServed(next, WarrantType.I200),
            nameof(CustodyTransferredToIce) => new CustodyTransferredToIce(next, "ERO Houston"),
            nameof(DetainerLifted) => new DetainerLifted(next, LiftReason.NoLongerInCustody),
            nameof(ReleasedFromLocalCustody) => new ReleasedFromLocalCustody(next, ReleaseReason.DetainerLifted),
            _ => new CaseClosed(next, ended switch
            {
                "released" => Disposition.ReleasedWithoutTransfer,
                "lifted" => Disposition.DetainerLifted,
                _ => Disposition.TransferredToAnotherAgency,
            }),
        };

        (Judge(state, e, Context(type == nameof(DetainerLifted) ? Supervisor : Jail))?.Code).ShouldBe(refusal, $"{type} after the person was {ended}");
    }

    [Fact]
    public void a_step_in_custody_is_accepted_up_to_the_release()
    {
        var held = After(17);

        Judge(held, new CustodyTransferredToIce(T0.AddDays(2).AddHours(20), "ERO Houston"), Context()).ShouldBeNull();
        CaseSequence.NextSteps(held).ShouldContain(nameof(CustodyTransferredToIce));
        CaseSequence.NextSteps(Fold([.. Path().Take(17), new ReleasedFromLocalCustody(T0.AddDays(2).AddHours(1), ReleaseReason.Bonded)]))
            .ShouldNotContain(nameof(CustodyTransferredToIce));
    }
}
