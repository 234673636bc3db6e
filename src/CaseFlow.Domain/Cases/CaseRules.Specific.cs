using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Subjects;

namespace CaseFlow.Domain.Cases;

public static partial class CaseRules
{
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
                $"Agency {booking.Ori} has no {booking.Model} agreement with ICE, so it cannot refer bookings under that model.");
        }

        foreach (var (moment, what) in new[] { (occurredAt, "when the booking was referred"), (recordedAt, "now") })
        {
            if (!agreement.IsInForceAt(moment))
            {
                return new Refusal("agreement-not-in-force", $"The {booking.Model} agreement was not in force",
                    $"Agency {booking.Ori}'s {booking.Model} agreement was not in force {what}: it took effect on {agreement.SignedOn:yyyy-MM-dd} ({agreement.TimeZone}).");
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
        HoldStarted e when e.From < (state.ReleaseEligibleAt ?? state.Warrant?.ServedAt ?? DateTimeOffset.MaxValue) => new Refusal("hold-before-release-eligibility",
            "The hold starts too early", "A hold starts at the moment the person would otherwise be released (ReleaseEligible) or at warrant service, not before."),
        CustodyTransferredToIce e when state.Hold?.Deadline is { } deadline && e.At > deadline => new Refusal("hold-expired", "The hold had expired",
            $"The hold ended at {deadline:u} ({state.Hold.PolicyVersion}); past it the person must be released, not transferred."),
        EventVoided e => Voidable(state, e),
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

    private static Refusal? Voidable(CaseFile state, EventVoided e) =>
        state.Facts.FirstOrDefault(f => f.EventId == e.VoidedEventId) is not { } fact
            ? new Refusal("unknown-event", "No such event in this case", "Name an event of this case by its event id.")
            : state.VoidedEventIds.Contains(e.VoidedEventId) ? new Refusal("already-voided", "The event is already void", "Nothing to correct.")
            : fact.Event is BookingRecorded or EventVoided or SubjectOrderProposed or SubjectSealed or SubjectErased
                ? new Refusal("not-voidable", "This event cannot be voided", "The booking, voids and subject orders stay; correct with a new event.")
            : null;
}
