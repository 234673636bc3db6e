using CaseFlow.Domain.Cases;

namespace CaseFlow.Server.Queues;

/// <summary>When and under which settings a queue is read: time left and ages are computed from this instant.</summary>
public sealed record QueueMoment(DateTimeOffset Now, TimeSpan ClaimLifetime);

/// <summary>
/// One supervisor queue: the <see cref="CaseQueueRow"/> column it sorts by (soonest first), the window it is read in,
/// and the item a row's <see cref="QueueView"/> becomes when read.
/// </summary>
public sealed record SupervisorQueue<TItem>(string Column, Func<QueueView, QueueMoment, TItem> Item)
{
    public Func<QueueMoment, DateTimeOffset?> Until { get; init; } = _ => null;
}

/// <summary>The five queues of an ICE supervisor (domain.md sections 1-3 and 5), each built from the case as the summary folds it.</summary>
public static class SupervisorQueues
{
    public static readonly TimeSpan DefaultReleaseWindow = TimeSpan.FromHours(48);

    /// <summary>Everything submitted for supervisory review and not decided, oldest first.</summary>
    public static readonly SupervisorQueue<ReviewQueueItem> Review = new("review_at", (view, at) =>
    {
        var pending = view.PendingReview!;
        var claim = ReviewClaims.Running(view.ReviewClaim, at.Now, at.ClaimLifetime);
        return new ReviewQueueItem(view.Case, pending.Subject, pending.PreparedBy, pending.SubmittedAt, at.Now - pending.SubmittedAt,
            pending.Returns, claim is null ? null : new ClaimHolder(claim.By, claim.At, claim.Until(at.ClaimLifetime)));
    });

    /// <summary>Detainers in effect on people still in the jail, the soonest hold deadline or scheduled release first.</summary>
    public static readonly SupervisorQueue<DetainerQueueItem> Detainers = new("detainer_at", (view, at) =>
        new DetainerQueueItem(view.Case, view.DetainerLodgedAt, view.DetainerServedAt, view.ScheduledRelease, view.HoldDeadline,
            (view.HoldDeadline ?? view.ScheduledRelease) - at.Now));

    /// <summary>Deadlines missed and not met yet, and those at risk within the hour, the earliest due first.</summary>
    public static readonly SupervisorQueue<DeadlineQueueItem> Deadlines = new("deadline_at", (view, at) =>
        new DeadlineQueueItem(view.Case, null, DeadlineState.Pending(view.OpenDeadlines.Select(d => Deadline.Judge(d.Rule, d.Due, null, at.Now)), at)))
    {
        Until = at => at.Now + CaseQueues.AtRisk,
    };

    /// <summary>Open citizenship claims, oldest first.</summary>
    public static readonly SupervisorQueue<ClaimQueueItem> Claims = new("claim_at", (view, at) =>
        new ClaimQueueItem(view.Case, view.ClaimAssertedAt!.Value, view.ClaimReportedAt, at.Now - view.ClaimAssertedAt.Value));

    /// <summary>People due to leave the jail within <paramref name="window"/> (or overdue), the soonest first.</summary>
    public static SupervisorQueue<ReleaseQueueItem> Releases(TimeSpan window) => new("release_at", (view, at) =>
        new ReleaseQueueItem(view.Case, view.ReleaseDue!.Value, view.HoldRunning, view.ReleaseDue.Value - at.Now))
    {
        Until = at => at.Now + window,
    };
}
