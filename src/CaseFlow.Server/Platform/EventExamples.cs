using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Governance;

namespace CaseFlow.Server.Platform;

/// <summary>
/// An example <c>data</c> for each event type clients post, shown with its envelope in the OpenAPI document
/// (OpenApiEventsTests fails for a type without one).
/// </summary>
public static class EventExamples
{
    private static readonly DateTimeOffset At = new(2026, 1, 15, 9, 30, 0, TimeSpan.FromHours(-6));

    /// <summary>An example instant, also the envelopes' <c>occurredAt</c>.</summary>
    public static DateTimeOffset Instant => At;

    public static readonly IReadOnlyDictionary<string, object> Officer = new Dictionary<string, object>
    {
        [nameof(BackgroundCheckCompleted)] = new BackgroundCheckCompleted(At, BackgroundCheckResult.Passed),
        [nameof(TrainingCompleted)] = new TrainingResults("287(g) JEM Basic", ProgramModel.JEM, At, [new ExamResult("JEM final", 86)]),
        [nameof(OfficerCertified)] = new OfficerCertified(ProgramModel.JEM, At),
        [nameof(AuthorizationIssued)] = new AuthorizationIssued([ProgramModel.JEM], At, "FOD-HOU-2026-017", "70-006-2026-0113", "CRED-55120"),
        [nameof(RefresherCompleted)] = new RefresherCompleted(ProgramModel.JEM, At),
        [nameof(AuthorizationRevoked)] = new AuthorizationRevoked(At, "Left the agency.", "FOD-HOU-2026-031"),
        [nameof(CredentialsReturned)] = new CredentialsReturned(At),
    };

    public static readonly IReadOnlyDictionary<string, object> Agreement = new Dictionary<string, object>
    {
        [nameof(AddendumRecorded)] = new AddendumRecorded(new DateOnly(2026, 1, 15), "Adds the WSO model's reporting schedule."),
        [nameof(AgreementSuspended)] = new AgreementSuspended(At, "Pending the annual review.", new DateOnly(2026, 3, 1)),
        [nameof(SuspensionLifted)] = new SuspensionLifted(At),
        [nameof(TerminationNoticed)] = new TerminationNotice(new DateOnly(2026, 1, 15), TerminatingParty.Agency),
        [nameof(AgreementTerminated)] = new AgreementTerminated(At, "Notice period ended."),
        [nameof(ReviewMeetingHeld)] = new ReviewMeetingHeld(new DateOnly(2026, 1, 15), ReviewMeetingType.Annual),
    };

    public static readonly IReadOnlyDictionary<string, object> Complaint = new Dictionary<string, object>
    {
        [nameof(IceNotifiedOfComplaint)] = new IceNotifiedOfComplaint(At),
        [nameof(ComplaintResolved)] = new ComplaintResolved(At.AddDays(20), ComplaintOutcome.NotSustained),
        [nameof(ComplaintOutcomeReported)] = new ComplaintOutcomeReported(At.AddDays(21)),
    };

    public static readonly IReadOnlyDictionary<string, object> Case = new Dictionary<string, object>
    {
        [nameof(ScreeningOpened)] = new ScreeningOpened(At),
        [nameof(RecordsCheckCompleted)] = new RecordsCheckCompleted(At, ["IDENT", "EID", "NCIC"], BiometricMatch: true,
            [new PriorConviction(ConvictionLevel.Misdemeanor, OffenceCategory.DrivingUnderTheInfluence)]),
        [nameof(InterviewConducted)] = new InterviewConducted(At, InterpreterOffered: true, InterpreterUsed: true, "Language line interpreter 4471", "es"),
        [nameof(CitizenshipClaimAsserted)] = new CitizenshipClaimAsserted(At, ClaimChannel.Interview),
        [nameof(CitizenshipClaimReported)] = new CitizenshipClaimReported(At.AddMinutes(40), "ERO Houston duty officer"),
        [nameof(CitizenshipClaimResolved)] = new CitizenshipClaimResolved(At.AddHours(3), ClaimOutcome.NotSubstantiated),
        [nameof(DeterminationRecorded)] = new DeterminationRecorded(At, Determination.Removable, "MX", ImmigrationStatus.EnteredWithoutInspection),
        [nameof(DetainerPrepared)] = new DetainerPrepared(At, [ProbableCauseBasis.BiometricAndRecords], WarrantType.I200),
        [nameof(DetainerApproved)] = new DetainerApproved(At.AddHours(1)),
        [nameof(DetainerReturned)] = new DetainerReturned(At.AddHours(1), "Box 1(c) needs the IDENT FIN."),
        [nameof(DetainerLodged)] = new DetainerLodged(At.AddHours(2)),
        [nameof(DetainerServedOnSubject)] = new DetainerServedOnSubject(At.AddHours(3), "in person"),
        [nameof(IceNotifiedOfDetainer)] = new IceNotifiedOfDetainer(At.AddHours(4)),
        [nameof(DetainerLifted)] = new DetainerLifted(At.AddDays(2), LiftReason.ProsecutorialDiscretion),
        [nameof(I213Prepared)] = new I213Prepared(At.AddHours(5), "I213-2026-0042"),
        [nameof(ChargingDocumentPrepared)] = new ChargingDocumentPrepared(At.AddHours(6), ChargingDocumentType.NoticeToAppear, ["212(a)(6)(A)(i)"]),
        [nameof(SubmittedForReview)] = new SubmittedForReview(At.AddHours(7), [ReviewItem.I213, ReviewItem.ChargingDocument]),
        [nameof(ReviewReturnedForCorrection)] = new ReviewReturnedForCorrection(At.AddHours(8), [ReviewItem.I213], "Entry date and place missing."),
        [nameof(ReviewApproved)] = new ReviewApproved(At.AddHours(8)),
        [nameof(ReviewClaimed)] = new ReviewClaimed(At.AddHours(7).AddMinutes(30)),
        [nameof(ChargingDocumentServed)] = new ChargingDocumentServed(At.AddHours(9)),
        [nameof(ScheduledReleaseSet)] = new ScheduledReleaseSet(At.AddDays(3), "sentence served"),
        [nameof(ReleaseEligible)] = new ReleaseEligible(At.AddDays(3)),
        [nameof(WarrantServed)] = new WarrantServed(At.AddDays(3).AddHours(1), WarrantType.I200, "Language line interpreter 4471"),
        [nameof(CustodyTransferredToIce)] = new CustodyTransferredToIce(At.AddDays(3).AddHours(20), "ERO Houston"),
        [nameof(ReleasedFromLocalCustody)] = new ReleasedFromLocalCustody(At.AddDays(5), ReleaseReason.HoldExpired),
        [nameof(CaseClosed)] = new CaseClosed(At.AddDays(4), Disposition.TransferredToIce),
        [nameof(EventVoided)] = new EventVoided(Guid.Parse("6f1c9d1e-2b7a-4c1e-9d3f-0a1b2c3d4e5f"), "Entered on the wrong case."),
        [nameof(ChargesAmended)] = new ChargesAmended([new Charge("TX PC 22.01", "Assault causing bodily injury", ChargeLevel.Misdemeanor)], "Reduced by the prosecutor."),
        [nameof(TransferredToAgency)] = new TransferredToAgency("TX0040000", At.AddDays(1)),
        [nameof(WarrantReceivedFromIce)] = new WarrantReceivedFromIce(At, WarrantType.I205, "ICE-DET-2026-5512"),
        [nameof(IceNotifiedOfService)] = new IceNotifiedOfService(At.AddDays(3).AddMinutes(20)),
        [nameof(ReleaseNotificationRequested)] = new ReleaseNotificationRequested(At.AddHours(2)),
    };
}
