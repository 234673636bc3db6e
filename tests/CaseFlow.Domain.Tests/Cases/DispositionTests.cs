using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>Closure tells the truth: the disposition matches the case's facts (docs/events.md, "Closure").</summary>
public class DispositionTests
{
    private static readonly DateTimeOffset At = T0.AddDays(3);

    /// <summary>The situations a case closes in, each with the dispositions its facts support.</summary>
    public static TheoryData<string, string> Table => new()
    {
        { "transferred to ICE", "TransferredToIce" },
        { "transferred to ICE after a lift", "TransferredToIce" },
        { "released", "ReleasedWithoutTransfer" },
        { "detainer lifted", "DetainerLifted" },
        { "detainer lifted, then released", "ReleasedWithoutTransfer DetainerLifted" },
        { "citizenship confirmed, then released", "CitizenshipConfirmed" },
        { "determined not removable", "NoAction" },
        { "determined on insufficient information", "NoAction" },
        { "not removable, then released", "ReleasedWithoutTransfer NoAction" },
        { "transferred to another agency", "TransferredToAnotherAgency" },
        { "screening open", "" },
        { "detainer in effect", "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void a_case_closes_only_with_a_disposition_its_facts_support(string situation, string supported)
    {
        var state = In(situation);
        var expected = supported.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Disposition>).ToHashSet();

        foreach (var disposition in Enum.GetValues<Disposition>())
        {
            var refusal = Judge(state, new CaseClosed(At.AddHours(1), disposition), Context())?.Code;
            var expectedRefusal = expected.Contains(disposition) ? null : expected.Count == 0 ? "out-of-sequence" : "disposition-contradicts-facts";
            refusal.ShouldBe(expectedRefusal, $"{disposition} when {situation}");
        }
    }

    private static CaseFile In(string situation) => Fold(situation switch
    {
        "transferred to ICE" => Path().Take(19),
        "transferred to ICE after a lift" => [.. Path().Take(17), new DetainerLifted(T0.AddDays(2).AddHours(2), LiftReason.Superseded), new CustodyTransferredToIce(T0.AddDays(2).AddHours(3), "ERO Houston")],
        "released" => [.. Path().Take(9), new ReleasedFromLocalCustody(At, ReleaseReason.Bonded)],
        "detainer lifted" => [.. Path().Take(9), new DetainerLifted(At, LiftReason.ProsecutorialDiscretion)],
        "detainer lifted, then released" => [.. Path().Take(9), new DetainerLifted(At, LiftReason.ProsecutorialDiscretion), new ReleasedFromLocalCustody(At.AddMinutes(5), ReleaseReason.DetainerLifted)],
        "citizenship confirmed, then released" => [.. Path().Take(2), new CitizenshipClaimAsserted(T0.AddHours(2), ClaimChannel.Interview), new CitizenshipClaimReported(T0.AddHours(2.5), "ERO Houston"),
            new CitizenshipClaimResolved(T0.AddHours(3), ClaimOutcome.CitizenshipConfirmed), new ReleasedFromLocalCustody(At, ReleaseReason.CitizenshipConfirmed)],
        "determined not removable" => [.. Path().Take(4), new DeterminationRecorded(T0.AddHours(4), Determination.NotRemovable)],
        "determined on insufficient information" => [.. Path().Take(4), new DeterminationRecorded(T0.AddHours(4), Determination.InsufficientInformation)],
        "not removable, then released" => [.. Path().Take(4), new DeterminationRecorded(T0.AddHours(4), Determination.NotRemovable), new ReleasedFromLocalCustody(At, ReleaseReason.ChargesDismissed)],
        "transferred to another agency" => [.. Path().Take(2), new TransferredToAgency("TX0040000", At)],
        "screening open" => Path().Take(2),
        _ => Path().Take(9),
    });
}
