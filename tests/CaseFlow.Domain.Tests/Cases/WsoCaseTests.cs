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
    private static readonly Agreement Wso = Agreement.Sign(new AgreementSigned(
        AgreementId.For(Ori, ProgramModel.WSO), Ori, false, "Fort Bend County Sheriff's Office", "TX", "Fort Bend County", ProgramModel.WSO,
        new DateOnly(2025, 5, 28), "HOU", "America/Chicago", new DateOnly(2025, 7, 18), "ICE list"));

    private static readonly Officer WsoOfficer = new object[]
    {
        new BackgroundCheckCompleted(T0.AddDays(-60), BackgroundCheckResult.Passed),
        new TrainingCompleted("WSO online course", ProgramModel.WSO, T0.AddDays(-50), [new ExamResult("WSO", 95)], TrainingOutcome.Passed),
        new OfficerCertified(ProgramModel.WSO, T0.AddDays(-49)),
        new AuthorizationIssued([ProgramModel.WSO], T0.AddDays(-48), "L", "F", "C"),
    }.Aggregate(Officer.Nominate(new OfficerNominated(OfficerId.For(Ori, Badge), Ori, Badge, [ProgramModel.WSO], T0.AddDays(-70), "HOU")), (o, e) => Officer.Evolve(o, e)!);

    private static IReadOnlyList<CaseEvent> WsoPath() =>
    [
        Booking() with { Model = ProgramModel.WSO, AgreementId = Wso.Id },
        new WarrantReceivedFromIce(T0.AddHours(1), WarrantType.I205, "ICE-DET-2026-5512"),
        new DetainerLodged(T0.AddHours(1)),
        new ReleaseEligible(T0.AddDays(2)),
        new WarrantServed(T0.AddDays(2).AddMinutes(5), WarrantType.I205, "Language line 4471"),
        new IceNotifiedOfService(T0.AddDays(2).AddMinutes(20)),
        HoldPolicy.Start(T0.AddDays(2)),
        new CustodyTransferredToIce(T0.AddDays(2).AddHours(30), "ERO Houston"),
        new CaseClosed(T0.AddDays(3), Disposition.TransferredToIce),
    ];

    private static CaseRuleContext WsoContext(DateTimeOffset? at = null, Officer? officer = null) =>
        new(Jail, at ?? T0.AddDays(2), at ?? T0.AddDays(2), Wso, officer ?? WsoOfficer, RefresherPolicy.Default, new HashSet<WarrantType>());

    [Fact]
    public void the_wso_path_is_accepted_step_by_step()
    {
        var path = WsoPath();
        for (var step = 1; step < path.Count; step++)
            CaseRules.Check(Fold(path.Take(step)), path[step], WsoContext()).ShouldBeNull($"step {step}: {path[step].GetType().Name}");

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

        CaseRules.Check(onFile, served, WsoContext(officer: AuthorizedOfficer))!.Code.ShouldBe("officer-not-authorized");
        CaseRules.Check(onFile, served, WsoContext()).ShouldBeNull();
    }

    public static TheoryData<string, string> Table => new()
    {
        { "Booked", "ScheduledReleaseSet ChargesAmended EventVoided TransferredToAgency ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted WarrantReceivedFromIce" },
        { "WarrantOnFile", "ScheduledReleaseSet ChargesAmended EventVoided TransferredToAgency ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted WarrantServed DetainerLifted ReleaseNotificationRequested" },
        { "AwaitingRelease", "ScheduledReleaseSet ChargesAmended EventVoided TransferredToAgency ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted WarrantServed DetainerLifted HoldStarted ReleaseNotificationRequested" },
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
