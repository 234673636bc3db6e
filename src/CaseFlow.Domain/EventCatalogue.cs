using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;
using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Subjects;

namespace CaseFlow.Domain;

/// <summary>
/// Every event type CaseFlow stores. Each is stored under its class name, which is also the <c>type</c> clients
/// send and read back, so a renamed class must keep its old name mapped.
/// </summary>
public static class EventCatalogue
{
    public static readonly IReadOnlyList<Type> All = [.. AgreementEvents, .. OfficerEvents, .. ComplaintEvents, .. ReportReleaseEvents, .. CaseEvents];

    /// <summary>The events of an agreement's stream.</summary>
    public static IReadOnlyList<Type> AgreementEvents =>
    [
        typeof(AgreementSigned),
        typeof(AddendumRecorded),
        typeof(AgreementSuspended),
        typeof(SuspensionLifted),
        typeof(TerminationNoticed),
        typeof(AgreementTerminated),
        typeof(ReviewMeetingHeld),
    ];

    /// <summary>The events of an officer's stream.</summary>
    public static IReadOnlyList<Type> OfficerEvents =>
    [
        typeof(OfficerNominated),
        typeof(BackgroundCheckCompleted),
        typeof(TrainingCompleted),
        typeof(OfficerCertified),
        typeof(AuthorizationIssued),
        typeof(RefresherCompleted),
        typeof(AuthorizationRevoked),
        typeof(CredentialsReturned),
    ];

    /// <summary>The events of a complaint's stream.</summary>
    public static IReadOnlyList<Type> ComplaintEvents =>
    [
        typeof(ComplaintReceived),
        typeof(IceNotifiedOfComplaint),
        typeof(ComplaintResolved),
        typeof(ComplaintOutcomeReported),
    ];

    /// <summary>The events of a month's report release stream.</summary>
    public static IReadOnlyList<Type> ReportReleaseEvents =>
    [
        typeof(ReportReleaseProposed),
        typeof(ReportReleaseApproved),
    ];

    /// <summary>
    /// The version of an event type's shape, stored in its <c>schemaVersion</c> header. Version 2 of a determination
    /// and of a records check added the statistics' facts as optional members: a version 1 event reads with them
    /// absent, which means "not recorded" (no upcaster is needed for an added optional member).
    /// </summary>
    public static int SchemaVersionOf(Type type) => type == typeof(DeterminationRecorded) || type == typeof(RecordsCheckCompleted) ? 2 : 1;

    /// <summary>The events of a case's stream.</summary>
    public static IReadOnlyList<Type> CaseEvents =>
    [
        typeof(BookingRecorded),
        typeof(ScheduledReleaseSet),
        typeof(ChargesAmended),
        typeof(ScreeningOpened),
        typeof(RecordsCheckCompleted),
        typeof(InterviewConducted),
        typeof(CitizenshipClaimAsserted),
        typeof(CitizenshipClaimReported),
        typeof(CitizenshipClaimResolved),
        typeof(DeterminationRecorded),
        typeof(DetainerPrepared),
        typeof(DetainerApproved),
        typeof(DetainerReturned),
        typeof(DetainerLodged),
        typeof(DetainerServedOnSubject),
        typeof(IceNotifiedOfDetainer),
        typeof(DetainerLifted),
        typeof(I213Prepared),
        typeof(ChargingDocumentPrepared),
        typeof(SubmittedForReview),
        typeof(ReviewReturnedForCorrection),
        typeof(ReviewApproved),
        typeof(ReviewClaimed),
        typeof(ChargingDocumentServed),
        typeof(ReleaseEligible),
        typeof(HoldStarted),
        typeof(WarrantServed),
        typeof(CustodyTransferredToIce),
        typeof(ReleasedFromLocalCustody),
        typeof(CaseClosed),
        typeof(EventVoided),
        typeof(TransferredToAgency),
        typeof(WarrantReceivedFromIce),
        typeof(IceNotifiedOfService),
        typeof(HoldExpired),
        typeof(HoldWithdrawn),
        typeof(ReleaseNotificationRequested),
        typeof(SubjectOrderProposed),
        typeof(SubjectSealed),
        typeof(SubjectErased),
    ];
}
