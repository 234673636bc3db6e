using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Officers;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>
/// The warrant service officer model (domain.md 1.3): ICE finds the person and lodges its detainer and warrant; the
/// WSO officer only serves and executes the warrant at release and tells ICE; questioning and processing are refused.
/// </summary>
public class WsoCaseTests
{
    private static readonly Agreement Wso = WsoAgreement;

    private static IReadOnlyList<CaseEvent> WsoPath() =>
    [
        Booking() with { Model = ProgramModel.WSO, AgreementId = Wso.Id },
        new WarrantReceivedFromIce(T0.AddHours(1), WarrantType.I205, "ICE-DET-2026-5512"),
        new DetainerLodged(T0.AddHours(1)),
        new ReleaseEligible(T0.AddDays(2)),
        new WarrantServed(T0.AddDays(2).AddMinutes(5), WarrantType.I205, "Language line 4471"),
        HoldPolicy.Start(T0.AddDays(2).AddMinutes(5)),
        new IceNotifiedOfService(T0.AddDays(2).AddMinutes(20)),
        new CustodyTransferredToIce(T0.AddDays(2).AddHours(30), "ERO Houston"),
        new CaseClosed(T0.AddDays(4), Disposition.TransferredToIce),
    ];

    private static CaseRuleContext WsoContext(DateTimeOffset? at = null, Officer? officer = null) =>
        new(Jail, at ?? T0.AddDays(2), at ?? T0.AddDays(2), Wso, officer ?? WsoOfficer, RefresherPolicy.Default, new HashSet<WarrantType>());

    [Fact]
    public void the_wso_path_is_accepted_step_by_step()
    {
        var path = WsoPath();
        for (var step = 1; step < path.Count; step++)
            Judge(Fold(path.Take(step)), path[step], WsoContext()).ShouldBeNull($"step {step}: {path[step].GetType().Name}");

        Fold(path).Status.ShouldBe(CaseStatus.Closed);
    }

    [Theory]
    [InlineData(nameof(InterviewConducted))]
    [InlineData(nameof(DeterminationRecorded))]
    [InlineData(nameof(I213Prepared))]
    [InlineData(nameof(ChargingDocumentPrepared))]
    [InlineData(nameof(ScreeningOpened))]
    [InlineData(nameof(DetainerPrepared))]
    public void questioning_and_processing_are_not_wso_steps(string type)
    {
        CaseEvent e = type switch
        {
            nameof(InterviewConducted) => new InterviewConducted(T0, true, false),
            nameof(DeterminationRecorded) => new DeterminationRecorded(T0, Determination.Removable),
            nameof(I213Prepared) => new I213Prepared(T0, "I213", Jail),
            nameof(ChargingDocumentPrepared) => new ChargingDocumentPrepared(T0, ChargingDocumentType.NoticeToAppear, ["x"], Jail),
            nameof(ScreeningOpened) => new ScreeningOpened(T0),
            _ => new DetainerPrepared(T0, [ProbableCauseBasis.StatementsOrEvidence], WarrantType.I200, Jail),
        };

        CaseRules.Check(Fold(WsoPath().Take(3)), e, WsoContext())!.Code.ShouldBe("not-in-wso-model");
    }

    [Fact]
    public void wso_steps_are_not_jem_steps() =>
        CaseRules.Check(After(1), new WarrantReceivedFromIce(T0, WarrantType.I200, "X"), Context())!.Code.ShouldBe("not-in-jem-model");

    [Fact]
    public void the_wso_officer_needs_a_wso_authorization()
    {
        var onFile = Fold(WsoPath().Take(4));
        var served = WsoPath()[4];

        Judge(onFile, served, WsoContext(officer: AuthorizedOfficer))!.Code.ShouldBe("officer-not-authorized");
        Judge(onFile, served, WsoContext()).ShouldBeNull();
    }

    [Fact]
    public void the_wso_detainer_takes_effect_when_served_with_the_warrant_not_when_lodged()
    {
        var lodged = Fold(WsoPath().Take(4));
        var served = Fold(WsoPath().Take(5));

        lodged.DetainerInEffect.ShouldBeFalse();
        lodged.Detainer!.Stage.ShouldBe(DetainerStage.Lodged);
        lodged.Detainer.LodgedAt.ShouldBe(T0.AddHours(1));
        served.DetainerInEffect.ShouldBeTrue();
        served.Detainer!.ServedAt.ShouldBe(T0.AddDays(2).AddMinutes(5));
        HoldClock.After(lodged, Guid.NewGuid(), WsoPath()[4], T0.AddDays(2)).Single().Event.ShouldBe(HoldPolicy.Start(T0.AddDays(2).AddMinutes(5)));
    }

    [Theory]
    [InlineData(-1, "warrant-served-before-release-eligibility")]
    [InlineData(0, null)]
    [InlineData(1, null)]
    public void the_warrant_is_served_at_or_after_release_eligibility(int secondsFromEligibility, string? refusal)
    {
        var eligible = Fold(WsoPath().Take(4));
        var at = T0.AddDays(2).AddSeconds(secondsFromEligibility);

        (CaseRules.Check(eligible, new WarrantServed(at, WarrantType.I205), WsoContext(at))?.Code).ShouldBe(refusal);
        CaseRules.Check(Fold(WsoPath().Take(3)), new WarrantServed(at, WarrantType.I205), WsoContext(at))!.Code.ShouldBe("out-of-sequence");
    }

    public static TheoryData<string, string> Table => new()
    {
        { "Booked", "ScheduledReleaseSet ChargesAmended EventVoided TransferredToAgency ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted WarrantReceivedFromIce" },
        { "WarrantOnFile", "ScheduledReleaseSet ChargesAmended EventVoided TransferredToAgency ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted DetainerLifted ReleaseNotificationRequested" },
        { "AwaitingRelease", "ScheduledReleaseSet ChargesAmended EventVoided TransferredToAgency ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted WarrantServed DetainerLifted ReleaseNotificationRequested" },
        { "HoldActive", "ScheduledReleaseSet ChargesAmended EventVoided TransferredToAgency ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted DetainerLifted CustodyTransferredToIce" },
        { "TransferredToIce", "ChargesAmended EventVoided TransferredToAgency CaseClosed" },
        { "Closed", "ChargesAmended EventVoided TransferredToAgency" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void exactly_these_event_types_may_follow_in_a_wso_case(string status, string allowed)
    {
        var steps = status switch { "Booked" => 1, "WarrantOnFile" => 3, "AwaitingRelease" => 4, "HoldActive" => 7, "TransferredToIce" => 8, _ => 9 };
        var state = Fold(WsoPath().Take(steps));

        state.Status.ShouldBe(Enum.Parse<CaseStatus>(status));
        CaseSequence.NextSteps(state).Order().ShouldBe(allowed.Split(' ').Order());
    }
}
