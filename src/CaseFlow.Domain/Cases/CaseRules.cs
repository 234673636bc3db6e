using CaseFlow.Domain.Agreements;

namespace CaseFlow.Domain.Cases;

/// <summary>The rules a booking and the jail's booking facts must pass; null means accepted.</summary>
public static class CaseRules
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

        return null;
    }

    /// <summary>The rule for an event posted to an existing case.</summary>
    public static Refusal? Check(CaseFile state, object @event) => @event switch
    {
        ScheduledReleaseSet e => CheckScheduledRelease(state, e),
        ChargesAmended e => CheckChargesAmended(state, e),
        _ => null,
    };

    public static Refusal? CheckScheduledRelease(CaseFile state, ScheduledReleaseSet release) =>
        release.At < state.BookedAt
            ? new Refusal("release-before-booking", "The scheduled release is before the booking",
                $"A release scheduled for {release.At:u} cannot precede the booking at {state.BookedAt:u}.")
            : null;

    public static Refusal? CheckChargesAmended(CaseFile state, ChargesAmended amended) =>
        string.IsNullOrWhiteSpace(amended.Reason)
            ? new Refusal("amendment-without-reason", "The amendment gives no reason",
                "Say why the charges changed (for example: dismissed, reduced by the prosecutor, added after booking).")
            : null;
}
