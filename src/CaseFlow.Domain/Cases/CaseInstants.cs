using CaseFlow.Domain.Intake;

namespace CaseFlow.Domain.Cases;

/// <summary>
/// The one instant of each step: the <c>...At</c> in its data, which must be the envelope's occurredAt (to the second),
/// fall between the booking and now (plus the allowed clock skew) and not precede the step it follows. Deadlines are
/// computed from these instants only, so they rest on instants that passed these checks.
/// </summary>
public static class CaseInstants
{
    /// <summary>
    /// The instant a step occurred, or null for what carries none of its own: the booking (its <c>bookedAt</c> precedes
    /// the referral), a scheduled release (a date ahead), charge amendments, voids and subject orders.
    /// </summary>
    public static DateTimeOffset? Of(CaseEvent e) => e switch
    {
        ScreeningOpened x => x.OpenedAt,
        RecordsCheckCompleted x => x.CompletedAt,
        InterviewConducted x => x.ConductedAt,
        CitizenshipClaimAsserted x => x.AssertedAt,
        CitizenshipClaimReported x => x.ReportedAt,
        CitizenshipClaimResolved x => x.ResolvedAt,
        DeterminationRecorded x => x.DeterminedAt,
        DetainerPrepared x => x.PreparedAt,
        DetainerApproved x => x.ApprovedAt,
        DetainerReturned x => x.ReturnedAt,
        DetainerLodged x => x.LodgedAt,
        DetainerServedOnSubject x => x.ServedAt,
        IceNotifiedOfDetainer x => x.NotifiedAt,
        DetainerLifted x => x.LiftedAt,
        I213Prepared x => x.PreparedAt,
        ChargingDocumentPrepared x => x.PreparedAt,
        SubmittedForReview x => x.SubmittedAt,
        ReviewReturnedForCorrection x => x.ReturnedAt,
        ReviewApproved x => x.SignedAt,
        ReviewClaimed x => x.ClaimedAt,
        ChargingDocumentServed x => x.ServedAt,
        ReleaseEligible x => x.At,
        HoldStarted x => x.From,
        HoldExpired x => x.At,
        WarrantServed x => x.ServedAt,
        CustodyTransferredToIce x => x.At,
        ReleasedFromLocalCustody x => x.At,
        CaseClosed x => x.ClosedAt,
        TransferredToAgency x => x.At,
        WarrantReceivedFromIce x => x.ReceivedAt,
        IceNotifiedOfService x => x.NotifiedAt,
        ReleaseNotificationRequested x => x.RequestedAt,
        _ => null,
    };

    /// <summary>
    /// The steps each step follows: it cannot have occurred before the latest kept one of them (a notice before the
    /// detainer it reports, service before lodging, a transfer before the release eligibility, the hold or the warrant
    /// service it rests on). A claim's report follows the claim's assertion, whichever event opened it.
    /// </summary>
    private static readonly IReadOnlyDictionary<Type, Type[]> Follows = new Dictionary<Type, Type[]>
    {
        [typeof(RecordsCheckCompleted)] = [typeof(ScreeningOpened)],
        [typeof(InterviewConducted)] = [typeof(ScreeningOpened)],
        [typeof(DeterminationRecorded)] = [typeof(ScreeningOpened), typeof(CitizenshipClaimResolved)],
        [typeof(CitizenshipClaimResolved)] = [typeof(CitizenshipClaimReported)],
        [typeof(DetainerPrepared)] = [typeof(DeterminationRecorded), typeof(DetainerReturned)],
        [typeof(DetainerApproved)] = [typeof(DetainerPrepared)],
        [typeof(DetainerReturned)] = [typeof(DetainerPrepared)],
        [typeof(DetainerLodged)] = [typeof(DetainerApproved), typeof(WarrantReceivedFromIce)],
        [typeof(DetainerServedOnSubject)] = [typeof(DetainerLodged)],
        [typeof(IceNotifiedOfDetainer)] = [typeof(DetainerLodged)],
        [typeof(DetainerLifted)] = [typeof(DetainerApproved), typeof(DetainerLodged)],
        [typeof(I213Prepared)] = [typeof(DetainerServedOnSubject), typeof(ReviewReturnedForCorrection)],
        [typeof(ChargingDocumentPrepared)] = [typeof(DetainerServedOnSubject), typeof(ReviewReturnedForCorrection)],
        [typeof(SubmittedForReview)] = [typeof(I213Prepared), typeof(ChargingDocumentPrepared)],
        [typeof(ReviewReturnedForCorrection)] = [typeof(SubmittedForReview)],
        [typeof(ReviewApproved)] = [typeof(SubmittedForReview)],
        [typeof(ReviewClaimed)] = [typeof(DetainerPrepared), typeof(SubmittedForReview)],
        [typeof(ChargingDocumentServed)] = [typeof(ReviewApproved)],
        [typeof(WarrantServed)] = [typeof(DetainerLodged), typeof(DetainerServedOnSubject), typeof(ReviewApproved)],
        [typeof(IceNotifiedOfService)] = [typeof(WarrantServed)],
        [typeof(ReleaseNotificationRequested)] = [typeof(DetainerApproved), typeof(WarrantReceivedFromIce)],
        [typeof(CustodyTransferredToIce)] = [typeof(ReleaseEligible), typeof(HoldStarted), typeof(WarrantServed)],
    };

    public static Refusal? Check(CaseFile state, CaseEvent e, DateTimeOffset occurredAt, DateTimeOffset recordedAt)
    {
        if (Of(e) is not { } at)
            return null;
        if (ToTheSecond(at) != ToTheSecond(occurredAt))
        {
            return new Refusal("instant-mismatch", "The step's time is not the envelope's occurredAt",
                $"{e.GetType().Name} occurred at {at:u} by its data but at {occurredAt:u} by the envelope: send the same instant in both (to the second).");
        }

        if (at > recordedAt + OccurredAt.MaxAhead)
            return new Refusal("instant-in-future", "The step lies in the future", $"{at:u} is more than five minutes ahead of CaseFlow's clock.");
        var (before, since) = e switch
        {
            CitizenshipClaimReported => (state.ClaimAssertedAt, "the citizenship claim"),
            CaseClosed => LatestKept(state),
            _ => LatestKept(state, Follows.GetValueOrDefault(e.GetType()) ?? []),
        };
        return at < state.BookedAt ? OutOfOrder(e, at, "the booking", state.BookedAt)
            : before is { } prior && at < prior ? OutOfOrder(e, at, since!, prior)
            : null;
    }

    private static Refusal OutOfOrder(CaseEvent e, DateTimeOffset at, string what, DateTimeOffset when) =>
        new("instant-out-of-order", "The step precedes what it follows",
            $"{e.GetType().Name} at {at:u} cannot precede {what} at {when:u}.");

    /// <summary>The latest instant among the last kept event of each of the given types (of any type when closing).</summary>
    private static (DateTimeOffset? At, string? Type) LatestKept(CaseFile state, IReadOnlyCollection<Type>? types = null) =>
        state.Facts
            .Where(f => !state.VoidedEventIds.Contains(f.EventId) && (types is null || types.Contains(f.Event.GetType())) && Of(f.Event) is not null)
            .GroupBy(f => f.Event.GetType())
            .Select(g => (At: Of(g.Last().Event), Type: (string?)g.Key.Name))
            .OrderBy(x => x.At)
            .LastOrDefault();

    private static long ToTheSecond(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerSecond;
}
