using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Intake;

/// <summary>
/// The events clients post to <c>/api/cases/{caseId}/events</c> and who may post each: the jail's system and its
/// designated officers record the jail's facts and the officer's steps; ICE supervisors of the case's field office
/// record review decisions, claim resolutions, detainer lifts and ICE's request for notice of release (design.md). Who records the detainer depends on the
/// model (domain.md 1.2 J5, 1.3 W1): under JEM the designated officer lodges the detainer ICE approved, under WSO ICE
/// lodges its own detainer with its warrant and the officer's one step is serving that warrant. Preparers and
/// reviewers are stamped from the token into the event for the four-eyes rule (a client that sends them is answered
/// as for any unknown member). Whoever may post a kind of event on a case may void one; what CaseFlow appends itself
/// (the hold, its expiry and withdrawal) is not posted here.
/// </summary>
public static class CaseEventKinds
{
    private static readonly IReadOnlyList<string> Jail = [Roles.ScreeningSystem, Roles.Officer];
    private static readonly IReadOnlyList<string> Ice = [Roles.Supervisor];
    private static readonly IReadOnlyList<string> Anyone = [Roles.ScreeningSystem, Roles.Officer, Roles.Supervisor];

    public static readonly IReadOnlyDictionary<string, EventKind> ByType = new Dictionary<string, EventKind>
    {
        [nameof(ScreeningOpened)] = EventKind.Of<ScreeningOpened>(Jail),
        [nameof(RecordsCheckCompleted)] = EventKind.Of<RecordsCheckCompleted>(Jail),
        [nameof(InterviewConducted)] = EventKind.Of<InterviewConducted>(Jail),
        [nameof(CitizenshipClaimAsserted)] = EventKind.Of<CitizenshipClaimAsserted>(Jail),
        [nameof(CitizenshipClaimReported)] = EventKind.Of<CitizenshipClaimReported>(Jail),
        [nameof(CitizenshipClaimResolved)] = EventKind.Of<CitizenshipClaimResolved>(Ice),
        [nameof(DeterminationRecorded)] = EventKind.Of<DeterminationRecorded>(Jail),
        [nameof(DetainerPrepared)] = EventKind.Of<DetainerPrepared>(Jail, (e, actor) => e with { PreparedBy = actor }),
        [nameof(DetainerApproved)] = EventKind.Of<DetainerApproved>(Ice, (e, actor) => e with { ApprovedBy = actor }),
        [nameof(DetainerReturned)] = EventKind.Of<DetainerReturned>(Ice, (e, actor) => e with { ReturnedBy = actor }),
        [nameof(DetainerLodged)] = EventKind.PerModel<DetainerLodged>(jem: Jail, wso: Ice),
        [nameof(DetainerServedOnSubject)] = EventKind.Of<DetainerServedOnSubject>(Jail),
        [nameof(IceNotifiedOfDetainer)] = EventKind.Of<IceNotifiedOfDetainer>(Jail),
        [nameof(DetainerLifted)] = EventKind.Of<DetainerLifted>(Ice),
        [nameof(I213Prepared)] = EventKind.Of<I213Prepared>(Jail, (e, actor) => e with { PreparedBy = actor }),
        [nameof(ChargingDocumentPrepared)] = EventKind.Of<ChargingDocumentPrepared>(Jail, (e, actor) => e with { PreparedBy = actor }),
        [nameof(SubmittedForReview)] = EventKind.Of<SubmittedForReview>(Jail, (e, actor) => e with { SubmittedBy = actor }),
        [nameof(ReviewReturnedForCorrection)] = EventKind.Of<ReviewReturnedForCorrection>(Ice, (e, actor) => e with { ReviewedBy = actor }),
        [nameof(ReviewApproved)] = EventKind.Of<ReviewApproved>(Ice, (e, actor) => e with { ReviewedBy = actor }),
        [nameof(ReviewClaimed)] = EventKind.Of<ReviewClaimed>(Ice, (e, actor) => e with { ClaimedBy = actor }),
        [nameof(ChargingDocumentServed)] = EventKind.Of<ChargingDocumentServed>(Jail),
        [nameof(ScheduledReleaseSet)] = EventKind.Of<ScheduledReleaseSet>(Jail),
        [nameof(ReleaseEligible)] = EventKind.Of<ReleaseEligible>(Jail),
        [nameof(WarrantServed)] = EventKind.Of<WarrantServed>(Jail),
        [nameof(CustodyTransferredToIce)] = EventKind.Of<CustodyTransferredToIce>(Jail),
        [nameof(ReleasedFromLocalCustody)] = EventKind.Of<ReleasedFromLocalCustody>(Jail),
        [nameof(CaseClosed)] = EventKind.Of<CaseClosed>(Anyone),
        [nameof(EventVoided)] = EventKind.Of<EventVoided>(Anyone),
        [nameof(ChargesAmended)] = EventKind.Of<ChargesAmended>(Jail),
        [nameof(TransferredToAgency)] = EventKind.Of<TransferredToAgency>(Jail),
        [nameof(WarrantReceivedFromIce)] = EventKind.Of<WarrantReceivedFromIce>(Ice),
        [nameof(IceNotifiedOfService)] = EventKind.Of<IceNotifiedOfService>(Jail),
        [nameof(ReleaseNotificationRequested)] = EventKind.Of<ReleaseNotificationRequested>(Ice),
    };

    /// <summary>A jail voids its own steps, a supervisor ICE's decisions: the roles that may post the voided event's type on a case of the model.</summary>
    public static bool MayVoid(string role, Type voided, ProgramModel model) =>
        ByType.TryGetValue(voided.Name, out var kind) && kind.RolesUnder(model).Contains(role);
}
