using CaseFlow.Domain.Cases;

namespace CaseFlow.Server.Queues;

/// <summary>When and under which settings a queue is read: time left and ages are computed from this instant.</summary>
public sealed record QueueMoment(DateTimeOffset Now, TimeSpan ClaimLifetime);

/// <summary>
/// One supervisor queue: the <see cref="CaseQueueRow"/> column it sorts by (soonest first), the window it is read in,
/// and the item a row becomes when read.
/// </summary>
public sealed record SupervisorQueue<TItem>(string Column, Func<CaseQueueRow, DateTimeOffset?> SortedBy, Func<CaseQueueRow, QueueMoment, TItem> Item)
{
    public Func<QueueMoment, DateTimeOffset?> Until { get; init; } = _ => null;
}

/// <summary>The five queues of an ICE supervisor (domain.md sections 1-3 and 5), each built from the case as the summary folds it.</summary>
public static class SupervisorQueues
{
    public static readonly TimeSpan DefaultReleaseWindow = TimeSpan.FromHours(48);

    /// <summary>Everything submitted for supervisory review and not decided, oldest first.</summary>
    public static readonly SupervisorQueue<ReviewQueueItem> Review = new("review_at", r => r.ReviewAt, (row, at) =>
    {
        var pending = CaseQueues.PendingReview(row.Case)!;
        var claim = ReviewClaims.Running(row.Case, at.Now, at.ClaimLifetime);
        return new ReviewQueueItem(QueueCase.Of(row.Case), pending.Subject, pending.PreparedBy, pending.SubmittedAt, at.Now - pending.SubmittedAt,
            pending.Returns, claim is null ? null : new ClaimHolder(claim.By, claim.At, claim.Until(at.ClaimLifetime)));
    });

    /// <summary>Detainers in effect on people still in the jail, the soonest hold deadline or scheduled release first.</summary>
    public static readonly SupervisorQueue<DetainerQueueItem> Detainers = new("detainer_at", r => r.DetainerAt, (row, at) =>
    {
        var state = row.Case;
        var due = state.Hold?.Deadline ?? state.ScheduledRelease;
        return new DetainerQueueItem(QueueCase.Of(state), state.Detainer?.LodgedAt, state.Detainer?.ServedAt, state.ScheduledRelease, state.Hold?.Deadline,
            due - at.Now);
    });

    /// <summary>Deadlines missed and not met yet, and those at risk within the hour, the earliest due first.</summary>
    public static readonly SupervisorQueue<DeadlineQueueItem> Deadlines = new("deadline_at", r => r.DeadlineAt, (row, at) =>
        new DeadlineQueueItem(QueueCase.Of(row.Case), null, DeadlineState.Pending(CaseDeadlines.Of(row.Case, at.Now), at)))
    {
        Until = at => at.Now + CaseQueues.AtRisk,
    };

    /// <summary>Open citizenship claims, oldest first.</summary>
    public static readonly SupervisorQueue<ClaimQueueItem> Claims = new("claim_at", r => r.ClaimAt, (row, at) =>
        new ClaimQueueItem(QueueCase.Of(row.Case), row.Case.ClaimAssertedAt!.Value, row.Case.ClaimReportedAt, at.Now - row.Case.ClaimAssertedAt.Value));

    /// <summary>People due to leave the jail within <paramref name="window"/> (or overdue), the soonest first.</summary>
    public static SupervisorQueue<ReleaseQueueItem> Releases(TimeSpan window) => new("release_at", r => r.ReleaseAt, (row, at) =>
    {
        var due = CaseQueues.ReleaseDue(row.Case)!.Value;
        return new ReleaseQueueItem(QueueCase.Of(row.Case), due, CaseQueues.HoldRunning(row.Case), due - at.Now);
    })
    {
        Until = at => at.Now + window,
    };
}
