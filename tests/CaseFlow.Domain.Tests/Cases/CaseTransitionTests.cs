using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>
/// The state machine of domain.md section 5 as a table: for every status a case can be in, exactly which event types
/// may come next. Every event type of the catalogue is judged in every status.
/// </summary>
public class CaseTransitionTests
{
    // May follow in every open status (until closure or ICE custody): the jail's booking facts, corrections, release.
    private const string Anytime = "ScheduledReleaseSet ChargesAmended EventVoided TransferredToAgency ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted";

    public static TheoryData<string, string> Table => new()
    {
        { "Booked", $"{Anytime} ScreeningOpened" },
        { "Screening", $"{Anytime} RecordsCheckCompleted InterviewConducted DeterminationRecorded" },
        { "Determined", $"{Anytime} RecordsCheckCompleted InterviewConducted DetainerPrepared" },
        { "CitizenshipClaimPending", "ScheduledReleaseSet ChargesAmended EventVoided TransferredToAgency ReleaseEligible ReleasedFromLocalCustody RecordsCheckCompleted InterviewConducted DeterminationRecorded CitizenshipClaimReported" },
        { "DetainerPendingReview", $"{Anytime} RecordsCheckCompleted InterviewConducted DetainerApproved DetainerReturned ReviewClaimed" },
        { "DetainerReturned", $"{Anytime} RecordsCheckCompleted InterviewConducted DetainerPrepared" },
        { "DetainerApproved", $"{Anytime} RecordsCheckCompleted InterviewConducted DetainerLodged DetainerLifted ReleaseNotificationRequested" },
        { "DetainerLodged", $"{Anytime} RecordsCheckCompleted InterviewConducted DetainerServedOnSubject IceNotifiedOfDetainer DetainerLifted ReleaseNotificationRequested" },
        { "DetainerActive", $"{Anytime} RecordsCheckCompleted InterviewConducted I213Prepared ChargingDocumentPrepared DetainerLifted ReleaseNotificationRequested" },
        { "Processing", $"{Anytime} RecordsCheckCompleted InterviewConducted I213Prepared ChargingDocumentPrepared DetainerLifted ReleaseNotificationRequested" },
        { "PendingSupervisoryReview", $"{Anytime} RecordsCheckCompleted InterviewConducted ReviewApproved ReviewReturnedForCorrection ReviewClaimed DetainerLifted ReleaseNotificationRequested" },
        { "ReturnedForCorrection", $"{Anytime} RecordsCheckCompleted InterviewConducted I213Prepared ChargingDocumentPrepared SubmittedForReview DetainerLifted ReleaseNotificationRequested" },
        { "AwaitingRelease", $"{Anytime} RecordsCheckCompleted InterviewConducted ChargingDocumentServed WarrantServed DetainerLifted ReleaseNotificationRequested" },
        { "HoldActive", $"{Anytime} RecordsCheckCompleted InterviewConducted WarrantServed CustodyTransferredToIce DetainerLifted" },
        { "HoldExpired", "ScheduledReleaseSet ChargesAmended EventVoided TransferredToAgency ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted RecordsCheckCompleted InterviewConducted DetainerLifted" },
        { "ReleasedFromCustody", "ScheduledReleaseSet ChargesAmended EventVoided TransferredToAgency ReleaseEligible CitizenshipClaimAsserted RecordsCheckCompleted DetainerLifted CaseClosed" },
        { "DetainerLifted", $"{Anytime} RecordsCheckCompleted CaseClosed" },
        { "TransferredToIce", "ChargesAmended EventVoided TransferredToAgency CaseClosed" },
        { "Closed", "ChargesAmended EventVoided TransferredToAgency" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void exactly_these_event_types_may_follow(string status, string allowed)
    {
        var state = InStatus(Enum.Parse<CaseStatus>(status));

        state.Status.ShouldBe(Enum.Parse<CaseStatus>(status));
        CaseSequence.NextSteps(state).Order().ShouldBe(allowed.Split(' ').Order(), $"next steps from {status}");
    }

    [Fact]
    public void the_jem_and_wso_tables_cover_every_status()
    {
        Table.Select(row => row.Data.Item1).Concat(WsoCaseTests.Table.Select(row => row.Data.Item1)).Distinct().Order()
            .ShouldBe(Enum.GetNames<CaseStatus>().Order());
    }

    /// <summary>A case brought into a status along the JEM path, or along the branch that leads there.</summary>
    private static CaseFile InStatus(CaseStatus status)
    {
        var path = Path();
        IEnumerable<CaseEvent> Take(int n, params CaseEvent[] more) => path.Take(n).Concat(more);
        return Fold(status switch
        {
            CaseStatus.Booked => Take(1),
            CaseStatus.Screening => Take(4),
            CaseStatus.Determined => Take(5),
            CaseStatus.CitizenshipClaimPending => Take(2, new CitizenshipClaimAsserted(T0.AddHours(2), ClaimChannel.Interview)),
            CaseStatus.DetainerPendingReview => Take(6),
            CaseStatus.DetainerReturned => Take(6, new DetainerReturned(T0.AddHours(6), "box 1 unclear", Supervisor)),
            CaseStatus.DetainerApproved => Take(7),
            CaseStatus.DetainerLodged => Take(8),
            CaseStatus.DetainerActive => Take(10),
            CaseStatus.Processing => Take(11),
            CaseStatus.PendingSupervisoryReview => Take(13),
            CaseStatus.ReturnedForCorrection => Take(13, new ReviewReturnedForCorrection(T0.AddHours(13), [ReviewItem.I213], "entry date missing", Supervisor)),
            CaseStatus.AwaitingRelease => Take(14),
            CaseStatus.HoldActive => Take(17),
            CaseStatus.HoldExpired => Take(17, new HoldExpired(T0.AddDays(4))),
            CaseStatus.ReleasedFromCustody => Take(17, new ReleasedFromLocalCustody(T0.AddDays(4), ReleaseReason.HoldExpired)),
            CaseStatus.DetainerLifted => Take(10, new DetainerLifted(T0.AddHours(10), LiftReason.ProsecutorialDiscretion)),
            CaseStatus.TransferredToIce => Take(19),
            _ => path,
        });
    }
}
