using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Subjects;

namespace CaseFlow.Domain.Cases;

public static partial class CaseRules
{
    /// <summary>A booking's agency is the caller's own (its token's <c>ori</c>): refusals say "your agency" and repeat nothing the token carried.</summary>
    public static Refusal? CheckBooking(BookingRecorded booking, Agreement? agreement, DateTimeOffset occurredAt, DateTimeOffset recordedAt)
    {
        if (!booking.Charges.Any(c => c.IsCriminal))
        {
            return new Refusal("no-criminal-charge", "The booking has no criminal charge",
                "287(g) processing needs a custodial arrest on a criminal charge (a felony or misdemeanour); infractions and civil matters alone do not qualify.");
        }

        if (agreement is null)
        {
            return new Refusal("no-agreement-for-model", $"The agency holds no {booking.Model} agreement",
                $"Your agency has no {booking.Model} agreement with ICE, so it cannot refer bookings under that model.");
        }

        foreach (var (moment, what) in new[] { (occurredAt, "when the booking was referred"), (recordedAt, "now") })
        {
            if (!agreement.IsInForceAt(moment))
            {
                return new Refusal("agreement-not-in-force", $"The {booking.Model} agreement was not in force",
                    $"Your agency's {booking.Model} agreement was not in force {what}: it took effect on {agreement.SignedOn:yyyy-MM-dd} ({agreement.TimeZone}).");
            }
        }

        // Referred no earlier than booked, so the booking (and every step after it) lies before now plus the allowed skew.
        return booking.BookedAt > occurredAt
            ? new Refusal("instant-out-of-order", "The booking is referred before it happened",
                $"The person was booked at {booking.BookedAt:u}, after the referral's occurredAt {occurredAt:u}.")
            : null;
    }

    /// <summary>The rules that depend on an event's own data.</summary>
    private static Refusal? Specific(CaseFile state, object @event) => @event switch
    {
        ScheduledReleaseSet e when e.At < state.BookedAt => new Refusal("release-before-booking", "The scheduled release is before the booking",
            $"A release scheduled for {e.At:u} cannot precede the booking at {state.BookedAt:u}."),
        ChargesAmended e when string.IsNullOrWhiteSpace(e.Reason) => new Refusal("amendment-without-reason", "The amendment gives no reason",
            "Say why the charges changed (for example: dismissed, reduced by the prosecutor, added after booking)."),
        DetainerPrepared e => DetainerBasis(state, e),
        DeterminationRecorded { Outcome: Determination.Removable } when state.ClaimOpen => new Refusal("citizenship-claim-open",
            "A citizenship claim is open", "The person cannot be determined removable while a citizenship claim awaits an ICE officer's resolution."),
        DetainerApproved or DetainerLodged when !state.HasCriminalCharge => NoCriminalCharge(),
        SubmittedForReview e when e.Items.Count == 0 => new Refusal("nothing-to-review", "Nothing submitted", "Name the items submitted for review."),
        SubmittedForReview e => ReviewPackage.Check(state, e.Items),
        ReviewApproved when state.Review is { } review => ReviewPackage.Check(state, review.Items),
        CaseClosed e => Dispositions.Check(state, e),
        HoldStarted e when e.From != HoldClock.StartOf(state) => new Refusal("hold-not-at-its-basis", "The hold starts at another instant",
            "A hold starts at the later of the release eligibility and the detainer's taking effect."),
        WarrantServed e when state.Model == ProgramModel.WSO && e.ServedAt < state.ReleaseEligibleAt => new Refusal("warrant-served-before-release-eligibility",
            "The warrant is served too early", $"A WSO warrant is served at or after the person's release eligibility ({state.ReleaseEligibleAt:u}), not before."),
        CustodyTransferredToIce e when state.Hold?.Deadline is { } deadline && e.At > deadline => new Refusal("hold-expired", "The hold had expired",
            $"The hold ended at {deadline:u} ({state.Hold.PolicyVersion}); past it the person must be released, not transferred."),
        _ => null,
    };

    private static Refusal? DetainerBasis(CaseFile state, DetainerPrepared e)
    {
        if (!state.HasCriminalCharge)
            return NoCriminalCharge();
        if (e.Bases.Count == 0)
            return new Refusal("no-probable-cause", "No probable-cause basis", "A detainer needs at least one probable-cause basis from box 1 of Form I-247A.");
        return e.Bases.Contains(ProbableCauseBasis.BiometricAndRecords) && !state.BiometricMatch
            ? new Refusal("biometric-basis-without-match", "No biometric match is recorded",
                "The biometric basis needs a recorded biometric match; a foreign-born no-match alone is not probable cause (ICE policy 10074.2).")
            : null;
    }

    private static Refusal NoCriminalCharge() => new("no-criminal-charge", "No criminal charge stands",
        "A detainer rests on a custodial arrest on a criminal charge; the case's charges hold none.");

    /// <summary>
    /// A void is an act with authority and consequences: only whoever may post that kind of event voids it, never the
    /// booking, a void, a subject order or what CaseFlow appended itself; and only if the history without it still
    /// passes the rules (the events that depend on it are named, to be voided first, latest first).
    /// </summary>
    private static Refusal? Voidable(CaseFile state, EventVoided e, CaseRuleContext context)
    {
        if (state.Facts.FirstOrDefault(f => f.EventId == e.VoidedEventId) is not { } fact)
            return new Refusal("unknown-event", "No such event in this case", "Name an event of this case by its event id.");
        if (state.VoidedEventIds.Contains(e.VoidedEventId))
            return new Refusal("already-voided", "The event is already void", "Nothing to correct.");
        var type = fact.Event.GetType();
        if (fact.Event is BookingRecorded or EventVoided || SubjectOrderRules.Events.Contains(type) || HoldClock.AppendedByCaseFlow.Contains(type))
        {
            return new Refusal("not-voidable", "This event cannot be voided",
                "The booking, voids, subject orders and what CaseFlow appended itself (the hold, its expiry, its withdrawal) stay; correct with a new event.");
        }

        if (!context.MayVoid(type))
            return new Refusal("void-not-permitted", "You may not void this event", $"A {type.Name} is voided only by whoever may record one.");
        return CaseVoids.Judge(state, e.VoidedEventId).Dependents is { Count: > 0 } dependents
            ? new Refusal("void-has-dependents", "Later events depend on this one",
                $"Without it the case's history no longer holds: void these first, latest first: {string.Join(", ", dependents.Select(d => $"{d.Event.GetType().Name} {d.EventId}"))}.")
            {
                Extensions = new Dictionary<string, object?> { ["dependents"] = dependents.Select(d => new DependentEvent(d.EventId, d.Event.GetType().Name)).ToList() },
            }
            : null;
    }
}
