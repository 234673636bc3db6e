using CaseFlow.Domain.Subjects;

namespace CaseFlow.Domain.Cases;

public sealed partial record CaseFile
{
    public static CaseFile Open(BookingRecorded e) => new()
    {
        Id = e.CaseId,
        Ori = e.Ori,
        Model = e.Model,
        BookingNumber = e.BookingNumber,
        BookedAt = e.BookedAt,
        Charges = e.Charges,
        ScheduledRelease = e.ScheduledRelease,
        SubjectRef = e.SubjectRef,
        AgreementId = e.AgreementId,
        FieldOfficeCode = e.FieldOfficeCode,
        TimeZone = e.TimeZone,
    };

    /// <summary>
    /// The case after one more stored event. Voiding an event (or CaseFlow withdrawing its hold) folds the kept facts
    /// again without the removed ones.
    /// </summary>
    public static CaseFile? Evolve(CaseFile? state, Guid eventId, object @event)
    {
        if (@event is not CaseEvent e)
            return state;
        var facts = (IReadOnlyList<CaseFact>)[.. state?.Facts ?? [], new CaseFact(eventId, e)];
        if (state is not null && RemovedBy(e) is { Count: > 0 } removed)
        {
            var voidedIds = (IReadOnlyList<Guid>)[.. state.VoidedEventIds, .. removed];
            var refolded = state.Facts.Where(f => !voidedIds.Contains(f.EventId)).Aggregate((CaseFile?)null, FoldFact)!;
            return refolded with { Facts = facts, VoidedEventIds = voidedIds, Version = state.Version, ChainHead = state.ChainHead };
        }

        return FoldFact(state, new CaseFact(eventId, e)) is { } next ? next with { Facts = facts, VoidedEventIds = state?.VoidedEventIds ?? [] } : null;
    }

    /// <summary>The events a correction takes out of the fold: a client's void, or the hold CaseFlow withdrew.</summary>
    public static IReadOnlyList<Guid> RemovedBy(CaseEvent e) => e switch
    {
        EventVoided v => [v.VoidedEventId],
        HoldWithdrawn w => w.WithdrawnEventIds,
        _ => [],
    };

    /// <summary>One kept fact applied; the hold remembers the id of the event that started it.</summary>
    internal static CaseFile? FoldFact(CaseFile? state, CaseFact fact)
    {
        var next = Transition(state, fact.Event);
        return fact.Event is HoldStarted && next is not null ? next with { HoldEventId = fact.EventId } : next;
    }

    private static CaseFile? Transition(CaseFile? state, CaseEvent @event) => (state, @event) switch
    {
        (_, BookingRecorded e) => Open(e),
        (null, _) => null,
        (_, ScheduledReleaseSet e) => state with { ScheduledRelease = e.At },
        (_, ChargesAmended e) => state with { Charges = e.Charges },
        (_, ScreeningOpened e) => state with { ScreeningOpenedAt = e.OpenedAt },
        (_, RecordsCheckCompleted e) => state with
        {
            RecordsChecked = true,
            BiometricMatch = state.BiometricMatch || e.BiometricMatch,
            PriorConvictions = e.PriorConvictions is null ? state.PriorConvictions : [.. (state.PriorConvictions ?? []).Union(e.PriorConvictions)],
        },
        (_, InterviewConducted) => state with { Interviewed = true },
        (_, CitizenshipClaimAsserted e) => state with { ClaimAssertedAt = e.AssertedAt, ClaimReportedAt = null, ClaimOutcome = null },
        (_, CitizenshipClaimReported e) => state with { ClaimReportedAt = e.ReportedAt },
        (_, CitizenshipClaimResolved e) => state with { ClaimOutcome = e.Outcome },
        (_, DeterminationRecorded { Outcome: Cases.Determination.CitizenshipClaimed } e) when !state.ClaimOpen => state.Determined(e) with
        {
            ClaimAssertedAt = e.DeterminedAt, ClaimReportedAt = null, ClaimOutcome = null,
        },
        (_, DeterminationRecorded e) => state.Determined(e),
        (_, DetainerPrepared e) => state with { Detainer = new DetainerState(e.Bases, e.WarrantType, e.PreparedBy, DetainerStage.Prepared, e.PreparedAt) },
        (_, DetainerApproved) => state.WithDetainer(d => d with { Stage = DetainerStage.Approved }) with { ReviewClaim = null },
        (_, DetainerReturned) => state.WithDetainer(d => d with { Stage = DetainerStage.Returned }) with { ReviewClaim = null },
        (_, DetainerLodged e) => state.Model == ProgramModel.WSO && state.IceWarrant is { } warrant
            ? state with { Detainer = new DetainerState([], warrant.WarrantType, null, DetainerStage.Lodged, e.LodgedAt, e.LodgedAt) }
            : state.WithDetainer(d => d with { Stage = DetainerStage.Lodged, LodgedAt = e.LodgedAt }),
        (_, DetainerServedOnSubject e) => state.WithDetainer(d => d with { Stage = DetainerStage.Served, ServedAt = e.ServedAt }),
        (_, IceNotifiedOfDetainer e) => state.WithDetainer(d => d with { IceNotifiedAt = e.NotifiedAt }),
        (_, DetainerLifted e) => state.WithDetainer(d => d with { Stage = DetainerStage.Lifted, LiftReason = e.Reason }),
        (_, I213Prepared e) => state with { I213PreparedBy = e.PreparedBy },
        (_, ChargingDocumentPrepared e) => state with { ChargingDocument = e.DocumentType, ChargingDocumentPreparedBy = e.PreparedBy },
        (_, SubmittedForReview e) => state with { Review = new ReviewState(ReviewStage.Pending, e.Items, e.SubmittedAt, state.Review?.Returns ?? 0) },
        (_, ReviewClaimed e) => state with { ReviewClaim = new ReviewClaim(e.ClaimedBy!, e.ClaimedAt) },
        (_, ReviewReturnedForCorrection e) => state with
        {
            Review = state.Review! with { Stage = ReviewStage.Returned, Returns = state.Review.Returns + 1, ReviewedBy = e.ReviewedBy }, ReviewClaim = null,
        },
        (_, ReviewApproved e) => state with { Review = state.Review! with { Stage = ReviewStage.Approved, ReviewedBy = e.ReviewedBy }, ReviewClaim = null },
        (_, ChargingDocumentServed e) => state with { ChargingDocumentServedAt = e.ServedAt },
        (_, ReleaseEligible e) => state with { ReleaseEligibleAt = e.At },
        (_, HoldStarted e) => state with { Hold = e },
        (_, HoldExpired e) => state with { HoldExpiredAt = e.At },
        (_, WarrantServed e) => state.Model == ProgramModel.WSO
            ? (state with { Warrant = e }).WithDetainer(d => d with { Stage = DetainerStage.Served, ServedAt = e.ServedAt })
            : state with { Warrant = e },
        (_, CustodyTransferredToIce e) => state with { TransferredToIceAt = e.At },
        (_, ReleasedFromLocalCustody e) => state with { ReleasedAt = e.At, ReleaseReason = e.Reason },
        (_, CaseClosed e) => state with { Disposition = e.Disposition },
        (_, TransferredToAgency e) => state with { TransferredToOri = e.ToOri },
        (_, WarrantReceivedFromIce e) => state with { IceWarrant = e },
        (_, IceNotifiedOfService e) => state with { ServiceNotifiedAt = e.NotifiedAt },
        (_, ReleaseNotificationRequested e) => state with { ReleaseNotificationRequestedAt = e.RequestedAt },
        (_, SubjectOrderProposed or SubjectSealed or SubjectErased) => SubjectOrderRules.Apply(state, @event),
        _ => state,
    };

    private CaseFile WithDetainer(Func<DetainerState, DetainerState> change) => Detainer is null ? this : this with { Detainer = change(Detainer) };

    private CaseFile Determined(DeterminationRecorded e) => this with
    {
        Determination = e.Outcome, DeterminedAt = e.DeterminedAt, CitizenshipCountry = e.CitizenshipCountry, ImmigrationStatus = e.ImmigrationStatus,
    };
}
