namespace CaseFlow.Domain.Cases;

/// <summary>
/// An ICE supervisor took an item awaiting review (the detainer or the package) so that no other supervisor decides
/// it meanwhile. <paramref name="ClaimedBy"/> is stamped by CaseFlow from the token. The claim lapses after the
/// configured lifetime and ends with a decision on the item.
/// </summary>
public sealed record ReviewClaimed(DateTimeOffset ClaimedAt, Actor? ClaimedBy = null) : CaseEvent;

/// <summary>Who holds the item awaiting review, since when.</summary>
public sealed record ReviewClaim(Actor By, DateTimeOffset At)
{
    public DateTimeOffset Until(TimeSpan lifetime) => At + lifetime;
}

/// <summary>The rule of review claims: while one supervisor's claim runs, nobody else claims or decides the item.</summary>
public static class ReviewClaims
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(30);

    /// <summary>The decisions a claim reserves to its holder (and that end it).</summary>
    public static readonly IReadOnlySet<Type> Reserved = new HashSet<Type>
    {
        typeof(ReviewClaimed), typeof(DetainerApproved), typeof(DetainerReturned), typeof(ReviewApproved), typeof(ReviewReturnedForCorrection),
    };

    /// <summary>The claim in force at <paramref name="now"/>, if any.</summary>
    public static ReviewClaim? Running(CaseFile state, DateTimeOffset now, TimeSpan lifetime) => Running(state.ReviewClaim, now, lifetime);

    /// <summary><paramref name="claim"/> (the case's latest), if it is still in force at <paramref name="now"/>.</summary>
    public static ReviewClaim? Running(ReviewClaim? claim, DateTimeOffset now, TimeSpan lifetime) =>
        claim is not null && now < claim.Until(lifetime) ? claim : null;

    public static Refusal? Check(CaseFile state, object @event, Actor actor, DateTimeOffset now, TimeSpan lifetime) =>
        Reserved.Contains(@event.GetType()) && Running(state, now, lifetime) is { } claim && claim.By.Subject != actor.Subject
            ? new Refusal("review-claimed", "Another supervisor has claimed this item",
                $"Another supervisor claimed the item awaiting review; it is theirs to decide until {claim.Until(lifetime):u}, when the claim lapses.")
            : null;
}
