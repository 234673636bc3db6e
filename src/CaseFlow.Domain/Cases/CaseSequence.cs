using CaseFlow.Domain.Subjects;

namespace CaseFlow.Domain.Cases;

/// <summary>
/// The JEM case's state machine (domain.md section 5): which event may come next in the case's present state. A
/// reason is returned when it may not, written for the clerk who posted it; null when it may.
/// </summary>
public static class CaseSequence
{
    /// <summary>Corrections stay possible after closure: they are new events, never edits.</summary>
    public static readonly IReadOnlySet<Type> Corrections = new HashSet<Type> { typeof(EventVoided), typeof(ChargesAmended), typeof(TransferredToAgency) };

    /// <summary>Every step that acts on the person as an immigration matter: an open citizenship claim stops them all.</summary>
    public static readonly IReadOnlySet<Type> EnforcementSteps = new HashSet<Type>
    {
        typeof(DetainerPrepared), typeof(DetainerApproved), typeof(DetainerLodged), typeof(DetainerServedOnSubject),
        typeof(I213Prepared), typeof(ChargingDocumentPrepared), typeof(SubmittedForReview), typeof(ReviewApproved),
        typeof(ChargingDocumentServed), typeof(WarrantServed), typeof(CustodyTransferredToIce),
    };

    /// <summary>What a WSO officer may not do (no questioning, no processing): the JEM-only steps.</summary>
    public static readonly IReadOnlySet<Type> JemOnly = new HashSet<Type>
    {
        typeof(ScreeningOpened), typeof(RecordsCheckCompleted), typeof(InterviewConducted), typeof(DeterminationRecorded),
        typeof(DetainerPrepared), typeof(DetainerApproved), typeof(DetainerReturned), typeof(DetainerServedOnSubject), typeof(IceNotifiedOfDetainer),
        typeof(I213Prepared), typeof(ChargingDocumentPrepared), typeof(SubmittedForReview), typeof(ReviewReturnedForCorrection),
        typeof(ReviewApproved), typeof(ChargingDocumentServed), typeof(ReviewClaimed),
    };

    public static readonly IReadOnlySet<Type> WsoOnly = new HashSet<Type> { typeof(WarrantReceivedFromIce), typeof(IceNotifiedOfService) };

    /// <summary>What ICE's confirmation of US citizenship ends for good: a new determination or claim, and every enforcement step.</summary>
    public static readonly IReadOnlySet<Type> ConfirmedCitizenBars = new HashSet<Type>(EnforcementSteps)
    {
        typeof(DeterminationRecorded), typeof(CitizenshipClaimAsserted), typeof(WarrantReceivedFromIce), typeof(ReleaseNotificationRequested),
    };

    /// <summary>The steps that need the person in the jail's custody: screening and interview, service, the hold, the transfer to ICE.</summary>
    public static readonly IReadOnlySet<Type> CustodySteps = new HashSet<Type>
    {
        typeof(ScreeningOpened), typeof(InterviewConducted), typeof(DetainerServedOnSubject), typeof(ChargingDocumentServed),
        typeof(WarrantServed), typeof(CustodyTransferredToIce),
    };

    public static string? Why(CaseFile state, Type next)
    {
        if (state.Disposition is not null && !Corrections.Contains(next))
            return "The case is closed: only corrections (EventVoided, ChargesAmended, TransferredToAgency) may follow.";
        if (state.TransferredToIceAt is not null && !Corrections.Contains(next) && next != typeof(CaseClosed))
            return "ICE has custody: close the case.";
        if (next == typeof(HoldExpired))
            return Expect(state.Hold is not null && state.HoldExpiredAt is null && state.TransferredToIceAt is null && state.ReleasedAt is null,
                "Only a running hold can expire.");
        if (next == typeof(HoldStarted))
            return HoldDue(state);
        if (state.HoldExpiredAt is not null && state.ReleasedAt is null && EnforcementSteps.Contains(next))
            return "The hold has expired: the person must be released.";
        if (state.ClaimOpen && EnforcementSteps.Contains(next))
            return "A citizenship claim is open: no enforcement step until an ICE officer resolves it.";
        if (state.Model == ProgramModel.WSO ? JemOnly.Contains(next) : WsoOnly.Contains(next))
            return $"{next.Name} is not a step of the {state.Model} model.";
        if (state.CitizenshipConfirmed && ConfirmedCitizenBars.Contains(next))
            return "ICE confirmed the person's US citizenship: no determination, claim, detainer, warrant, hold or transfer follows; close the case.";
        if (state.OutOfJailCustody && CustodySteps.Contains(next))
            return "The person is no longer held by the jail for this case (released, detainer lifted, or transferred to another agency).";
        if (state.Model == ProgramModel.WSO)
            return WsoWhy(state, next);
        var d = state.Detainer;
        return next.Name switch
        {
            nameof(ScreeningOpened) => Expect(state.ScreeningOpenedAt is null, "Screening is already open."),
            nameof(RecordsCheckCompleted) or nameof(InterviewConducted) => Expect(state.ScreeningOpenedAt is not null, "Open the screening first (ScreeningOpened)."),
            nameof(DeterminationRecorded) => Expect(state.ScreeningOpenedAt is not null && (state.Determination is null || RedeterminationAllowed(state)),
                state.ScreeningOpenedAt is null ? "Open the screening first (ScreeningOpened)." : "A determination is already recorded."),
            nameof(CitizenshipClaimAsserted) => Expect(!state.ClaimOpen, "A citizenship claim is already open."),
            nameof(CitizenshipClaimReported) => Expect(state.ClaimOpen && state.ClaimReportedAt is null, "There is no unreported citizenship claim."),
            nameof(CitizenshipClaimResolved) => Expect(state.ClaimOpen && state.ClaimReportedAt is not null, "Only a reported, open citizenship claim can be resolved."),
            nameof(DetainerPrepared) => Expect(state.Determination == Determination.Removable && (d is null || d.Stage == DetainerStage.Returned),
                state.Determination != Determination.Removable ? "A detainer needs a determination that the person is removable." : "A detainer is already prepared."),
            nameof(DetainerApproved) or nameof(DetainerReturned) => Expect(d?.Stage == DetainerStage.Prepared, "There is no detainer awaiting review."),
            nameof(DetainerLodged) => Expect(d?.Stage == DetainerStage.Approved, "A detainer is lodged only after an ICE supervisor approved it."),
            nameof(DetainerServedOnSubject) => Expect(d?.Stage == DetainerStage.Lodged, "Lodge the approved detainer before serving it."),
            nameof(IceNotifiedOfDetainer) => Expect(d is { Stage: DetainerStage.Lodged or DetainerStage.Served, IceNotifiedAt: null }, "There is no lodged detainer ICE has not been told of."),
            nameof(DetainerLifted) => Expect(d is { Stage: DetainerStage.Approved or DetainerStage.Lodged or DetainerStage.Served }, "There is no detainer to lift."),
            nameof(I213Prepared) or nameof(ChargingDocumentPrepared) => Expect(state.DetainerInEffect && state.Review?.Stage is null or ReviewStage.Returned,
                !state.DetainerInEffect ? "Processing follows a detainer that has been served on the person." : "The package is under review or approved."),
            nameof(SubmittedForReview) => Expect(state.I213PreparedBy is not null && state.ChargingDocument is not null && state.Review?.Stage is null or ReviewStage.Returned,
                "Submit for review once the I-213 and the charging document are prepared (and not already under review)."),
            nameof(ReviewClaimed) => Expect(CaseQueues.PendingReview(state) is not null, "Nothing is awaiting supervisory review."),
            nameof(ReviewReturnedForCorrection) or nameof(ReviewApproved) => Expect(state.Review?.Stage == ReviewStage.Pending, "Nothing is awaiting supervisory review."),
            nameof(ChargingDocumentServed) => Expect(state.Review?.Stage == ReviewStage.Approved && state.ChargingDocumentServedAt is null, "The charging document is served once approved, and once."),
            nameof(WarrantServed) => Expect(state.DetainerInEffect && state.Review?.Stage == ReviewStage.Approved && state.Warrant is null,
                "The warrant is served at release, after the detainer is in effect and the package approved."),
            nameof(CustodyTransferredToIce) => Expect(state.Hold is not null || state.Warrant is not null, "ICE takes custody under a hold or a served warrant."),
            nameof(ReleasedFromLocalCustody) => Expect(state.ReleasedAt is null, "The person was already released."),
            nameof(ReleaseNotificationRequested) => Expect(d?.Stage is DetainerStage.Approved or DetainerStage.Lodged or DetainerStage.Served && NotificationStillUseful(state),
                ReleaseNotificationWhy),
            nameof(CaseClosed) => Expect(ReadyToClose(state), "The case is still open: close it after transfer, release, a no-action determination, a confirmed citizenship claim, a lifted detainer or a transfer to another agency."),
            _ => null,
        };
    }

    /// <summary>The WSO path (domain.md 1.3): ICE's warrant and detainer on file, service at release, notice, hold, transfer.</summary>
    private static string? WsoWhy(CaseFile state, Type next) => next.Name switch
    {
        nameof(WarrantReceivedFromIce) => Expect(state.IceWarrant is null, "ICE's warrant is already on file."),
        nameof(DetainerLodged) => Expect(state.IceWarrant is not null && state.Detainer is null, "ICE lodges its detainer with its warrant, once."),
        nameof(DetainerLifted) => Expect(state.Detainer?.Stage is DetainerStage.Lodged or DetainerStage.Served, "There is no detainer to lift."),
        nameof(WarrantServed) => Expect(state.Detainer?.Stage == DetainerStage.Lodged && state.Warrant is null && state.ReleaseEligibleAt is not null,
            "The warrant is served at release: with ICE's warrant and detainer on file, once the person is release-eligible, once."),
        nameof(IceNotifiedOfService) => Expect(state.Warrant is not null && state.ServiceNotifiedAt is null, "Tell ICE once the warrant has been served."),
        nameof(CustodyTransferredToIce) => Expect(state.Hold is not null || state.Warrant is not null, "ICE takes custody under a hold or a served warrant."),
        nameof(CitizenshipClaimAsserted) => Expect(!state.ClaimOpen, "A citizenship claim is already open."),
        nameof(CitizenshipClaimReported) => Expect(state.ClaimOpen && state.ClaimReportedAt is null, "There is no unreported citizenship claim."),
        nameof(CitizenshipClaimResolved) => Expect(state.ClaimOpen && state.ClaimReportedAt is not null, "Only a reported, open citizenship claim can be resolved."),
        nameof(ReleasedFromLocalCustody) => Expect(state.ReleasedAt is null, "The person was already released."),
        nameof(ReleaseNotificationRequested) => Expect(state.IceWarrant is not null && state.Detainer?.Stage != DetainerStage.Lifted && NotificationStillUseful(state),
            ReleaseNotificationWhy),
        nameof(CaseClosed) => Expect(ReadyToClose(state), "The case is still open: close it after transfer, release, a confirmed citizenship claim, a lifted detainer or a transfer to another agency."),
        _ => null,
    };

    /// <summary>
    /// CaseFlow starts the hold once, at the later of release eligibility and the detainer's taking effect, while the
    /// person is held. An open citizenship claim does not stop it: the clock limits the detention (never for a
    /// confirmed citizen, who is not held for ICE at all).
    /// </summary>
    private static string? HoldDue(CaseFile state) =>
        Expect(HoldClock.HasBasis(state) && state.Hold is null && !state.OutOfJailCustody && state.ClaimOutcome != ClaimOutcome.CitizenshipConfirmed,
            "CaseFlow starts the hold itself, once, when the person is release-eligible with a detainer in effect.");

    private const string ReleaseNotificationWhy =
        "ICE asks once, with a detainer it issued and not lifted, for notice of a release still ahead (no hold running, the person still in the jail's custody).";

    /// <summary>Advance notice of release is asked for once, while the release is still ahead: before a hold, while the jail holds the person.</summary>
    private static bool NotificationStillUseful(CaseFile state) =>
        state.ReleaseNotificationRequestedAt is null && state.Hold is null && !state.OutOfJailCustody;

    /// <summary>An unsubstantiated citizenship claim sends the case back to screening: the officer determines again.</summary>
    private static bool RedeterminationAllowed(CaseFile state) =>
        state.Determination == Determination.CitizenshipClaimed && state.ClaimOutcome == ClaimOutcome.NotSubstantiated && state.Detainer is null;

    /// <summary>The event types that may come next, so a clerk sees what the case is waiting for.</summary>
    public static IReadOnlyList<string> NextSteps(CaseFile state) =>
        EventCatalogue.CaseEvents.Where(t => t != typeof(BookingRecorded) && !HoldClock.AppendedByCaseFlow.Contains(t) && !SubjectOrderRules.Events.Contains(t) && Why(state, t) is null).Select(t => t.Name).ToList();

    /// <summary>Where the case stands against the rules a detainer, a hold and a transfer need.</summary>
    public static IReadOnlyDictionary<string, bool> Checklist(CaseFile state, DateTimeOffset now) => new Dictionary<string, bool>
    {
        ["criminal-charge"] = state.HasCriminalCharge,
        ["no-open-citizenship-claim"] = !state.ClaimOpen,
        ["biometric-match-recorded"] = state.BiometricMatch,
        ["determined-removable"] = state.Determination == Determination.Removable,
        ["detainer-approved"] = state.Detainer?.Stage is DetainerStage.Approved or DetainerStage.Lodged or DetainerStage.Served,
        ["detainer-served"] = state.DetainerInEffect,
        ["ice-notified-of-detainer"] = state.Detainer?.IceNotifiedAt is not null,
        ["review-approved"] = state.Review?.Stage == ReviewStage.Approved,
        ["release-eligible-or-warrant-served"] = state.ReleaseEligibleAt is not null || state.Warrant is not null,
        // Only a running clock is "within" anything: a person held without one never reads as within the deadline.
        ["within-hold-deadline"] = state.Hold?.Deadline is { } deadline && (state.TransferredToIceAt ?? state.ReleasedAt ?? now) <= deadline,
    };

    public static bool ReadyToClose(CaseFile state) => Dispositions.Supported(state).Count > 0;

    private static string? Expect(bool allowed, string otherwise) => allowed ? null : otherwise;
}
