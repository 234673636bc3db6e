using CaseFlow.Domain;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Server.Queues;

/// <summary>
/// What the queue items of a case show, taken from the folded case when its <see cref="CaseQueueRow"/> is written, so
/// that a queue page reads this and not the whole case with its facts. Only what depends on the moment of reading is
/// left out: ages, time left, whether a review claim still runs and whether an open deadline is missed are computed
/// when a queue is read (<see cref="SupervisorQueues"/>).
/// </summary>
/// <param name="OpenDeadlines">The case's deadlines not met yet (<see cref="CaseQueues.Breaches"/>), judged again when read.</param>
public sealed record QueueView(
    QueueCase Case,
    PendingReview? PendingReview,
    ReviewClaim? ReviewClaim,
    DateTimeOffset? DetainerLodgedAt,
    DateTimeOffset? DetainerServedAt,
    DateTimeOffset? ScheduledRelease,
    DateTimeOffset? HoldDeadline,
    DateTimeOffset? ReleaseDue,
    bool HoldRunning,
    IReadOnlyList<Deadline> OpenDeadlines,
    DateTimeOffset? ClaimAssertedAt,
    DateTimeOffset? ClaimReportedAt)
{
    public static QueueView Of(CaseFile state) => new(
        QueueCase.Of(state), CaseQueues.PendingReview(state), state.ReviewClaim, state.Detainer?.LodgedAt, state.Detainer?.ServedAt,
        state.ScheduledRelease, state.Hold?.Deadline, CaseQueues.ReleaseDue(state), CaseQueues.HoldRunning(state), [.. CaseQueues.Breaches(state)],
        state.ClaimAssertedAt, state.ClaimReportedAt);
}

/// <summary>A row of a queue page: the instant the case sorts by on that queue (its indexed column) and its view.</summary>
/// <param name="View">
/// Null only in a row stored by a version before the views, until the upgrade's rebuild of the <c>CaseReadModels</c>
/// projection rewrites it (docs/operations.md): such a row is left out of its page (<see cref="Written"/>) rather than
/// failing it.
/// </param>
public sealed record QueueViewRow(DateTimeOffset At, QueueView? View)
{
    public static IEnumerable<(DateTimeOffset At, QueueView View)> Written(IEnumerable<QueueViewRow> rows) =>
        rows.Where(r => r.View is not null).Select(r => (r.At, r.View!));
}
