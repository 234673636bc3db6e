using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;

namespace CaseFlow.Corpus;

/// <summary>How far a case has gone, which decides the queues it is on.</summary>
public enum CasePath
{
    /// <summary>Booked with a scheduled release within the week: the release queue when it is due within its window.</summary>
    Booked,
    /// <summary>Released on bond and closed: on no queue.</summary>
    Released,
    /// <summary>Screened, detainer prepared: the review queue.</summary>
    DetainerAwaitingReview,
    /// <summary>Detainer approved, lodged, served and notified, release scheduled: the detainer queue.</summary>
    DetainerInEffect,
    /// <summary>Detainer in effect and release-eligible, so CaseFlow started the hold (some now past its limit).</summary>
    Held,
    /// <summary>Detainer lodged more than a day ago and ICE never told: a missed 24-hour notice.</summary>
    NoticeMissed,
    /// <summary>A citizenship claim, reported or not (missed or at risk when not): the claim and deadline queues.</summary>
    ClaimOpen,
    /// <summary>Detainer in effect, I-213 and charging document submitted: the review queue.</summary>
    PackageAwaitingReview,
}

/// <summary>
/// The corpus's mix: most referrals never reach a detainer; the rest spread over every queue. JEM agencies (the jail
/// lodges the detainer) get every path; under WSO ICE lodges its own, so those agencies' cases are bookings, releases
/// and claims. Deterministic per case index.
/// </summary>
public static class CaseMix
{
    private static readonly CasePath[] Slots =
    [
        CasePath.Booked, CasePath.Booked, CasePath.Booked, CasePath.Booked, CasePath.Booked, CasePath.Booked,
        CasePath.Released, CasePath.Released, CasePath.Released, CasePath.Released,
        CasePath.DetainerAwaitingReview, CasePath.DetainerAwaitingReview,
        CasePath.DetainerInEffect, CasePath.DetainerInEffect,
        CasePath.Held, CasePath.Held,
        CasePath.NoticeMissed,
        CasePath.ClaimOpen, CasePath.ClaimOpen,
        CasePath.PackageAwaitingReview,
    ];

    public static CasePath For(int index, AgreementSigned agreement)
    {
        var path = Slots[index % Slots.Length];
        return agreement.Model == ProgramModel.JEM || path is CasePath.Booked or CasePath.Released or CasePath.ClaimOpen ? path : CasePath.Booked;
    }
}
