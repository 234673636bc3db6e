using UUIDNext;

namespace CaseFlow.Domain.Cases;

/// <summary>
/// The hold clock belongs to CaseFlow, not to the client: the hold starts at the instant the person is
/// release-eligible while a detainer is in effect (whichever came second), whether or not the charging documents have
/// been reviewed, and CaseFlow appends it in the same transaction as the event that made it due.
/// </summary>
public static class HoldClock
{
    /// <summary>Published with the event ids CaseFlow derives; never change it (a replay must derive the same ids).</summary>
    public static readonly Guid Namespace = new("6f1d2c3b-8e4a-4b7c-a9d0-5e2f1a3b4c5d");

    /// <summary>The events CaseFlow appends itself: no client posts or voids them.</summary>
    public static readonly IReadOnlySet<Type> AppendedByCaseFlow = new HashSet<Type> { typeof(HoldStarted), typeof(HoldExpired), typeof(HoldWithdrawn) };

    /// <summary>What a hold stands on: the person is release-eligible and the detainer is in effect.</summary>
    public static bool HasBasis(CaseFile state) => state.DetainerInEffect && state.ReleaseEligibleAt is not null;

    /// <summary>The instant the hold starts: the later of the release eligibility and the detainer's taking effect.</summary>
    public static DateTimeOffset? StartOf(CaseFile state) =>
        state.ReleaseEligibleAt is { } eligible && state.Detainer?.ServedAt is { } served ? (eligible > served ? eligible : served) : null;

    /// <summary>The hold CaseFlow appends after <paramref name="triggerEventId"/>: its id follows from case and trigger, so a replay reproduces it.</summary>
    public static Guid HoldIdFor(Guid caseId, Guid triggerEventId) => Uuid.NewNameBased(Namespace, $"hold-started|{caseId}|{triggerEventId}");

    public static Guid WithdrawalIdFor(Guid caseId, Guid voidEventId) => Uuid.NewNameBased(Namespace, $"hold-withdrawn|{caseId}|{voidEventId}");

    public static Guid ExpiryIdFor(Guid caseId, Guid holdEventId) => Uuid.NewNameBased(Namespace, $"hold-expired|{caseId}|{holdEventId}");

    /// <summary>
    /// What CaseFlow appends after an accepted client event, in order: the withdrawal of the hold whose basis a void
    /// removed, then a hold that is now due. Each is folded on the case as the store will fold it.
    /// </summary>
    public static IReadOnlyList<CaseFact> After(CaseFile state, Guid eventId, CaseEvent accepted, DateTimeOffset occurredAt)
    {
        var appended = new List<CaseFact>();
        var next = CaseFile.Evolve(state, eventId, accepted)!;
        if (accepted is EventVoided voided && CaseVoids.Judge(state, voided.VoidedEventId).Withdrawn is { Count: > 0 } withdrawn)
        {
            var withdrawal = new CaseFact(WithdrawalIdFor(state.Id, eventId), new HoldWithdrawn(withdrawn, voided.VoidedEventId, occurredAt));
            appended.Add(withdrawal);
            next = CaseFile.Evolve(next, withdrawal.EventId, withdrawal.Event)!;
        }

        if (CaseSequence.Why(next, typeof(HoldStarted)) is null && StartOf(next) is { } from)
            appended.Add(new CaseFact(HoldIdFor(state.Id, eventId), HoldPolicy.Start(from)));
        return appended;
    }
}
