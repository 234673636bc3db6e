namespace CaseFlow.Domain.Cases;

/// <summary>What awaits a supervisor's decision on a case: the detainer (Form I-247A) or the charging-document package.</summary>
public enum ReviewSubject
{
    Detainer,
    ChargingDocuments,
}

/// <summary>An item submitted for supervisory review and not decided: since when, by whom, and how often it came back before.</summary>
public sealed record PendingReview(ReviewSubject Subject, DateTimeOffset SubmittedAt, Actor? PreparedBy, int Returns);

/// <summary>
/// The instant a case sorts by on each supervisor's queue, or null when it is not on that queue. Derived from the
/// folded case only, so a voided event or a late-reported fact moves the case on or off a queue by itself. Instants
/// are stored; how much time is left is computed when a queue is read.
/// </summary>
public sealed record QueueInstants(DateTimeOffset? Review, DateTimeOffset? Detainer, DateTimeOffset? Release, DateTimeOffset? Deadline, DateTimeOffset? Claim);

/// <summary>Which queues a case is on (domain.md sections 1-3 and 5), from the same facts and deadline rules as the case summary.</summary>
public static class CaseQueues
{
    /// <summary>A running deadline this close to its due instant is at risk and is listed with the missed ones.</summary>
    public static readonly TimeSpan AtRisk = TimeSpan.FromHours(1);

    /// <summary>Where a detainer in effect with neither a hold nor a scheduled release sorts: after every dated one.</summary>
    public static readonly DateTimeOffset Undated = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static QueueInstants Of(CaseFile state) => new(
        PendingReview(state)?.SubmittedAt,
        state.DetainerInEffect && InCustody(state) ? state.Hold?.Deadline ?? state.ScheduledRelease ?? Undated : null,
        ReleaseDue(state),
        state.Disposition is null ? Breaches(state).Select(d => (DateTimeOffset?)d.Due).Min() : null,
        state.ClaimOpen ? state.ClaimAssertedAt : null);

    /// <summary>The detainer or the package awaiting review, if any (a returned one waits for the preparer, not the supervisor).</summary>
    public static PendingReview? PendingReview(CaseFile state) =>
        state.Detainer is { Stage: DetainerStage.Prepared } detainer
            ? new PendingReview(ReviewSubject.Detainer, detainer.PreparedAt, detainer.PreparedBy, state.KeptEvents().Count(e => e is DetainerReturned))
            : state.Review is { Stage: ReviewStage.Pending } review
                ? new PendingReview(ReviewSubject.ChargingDocuments, review.SubmittedAt, state.ChargingDocumentPreparedBy ?? state.I213PreparedBy, review.Returns)
                : null;

    /// <summary>When the person is due to leave the jail: the running hold's deadline, else the scheduled release.</summary>
    public static DateTimeOffset? ReleaseDue(CaseFile state) =>
        !InCustody(state) ? null
        : HoldRunning(state) ? state.Hold!.Deadline
        : state.ScheduledRelease;

    /// <summary>A hold has started and neither expired nor been withdrawn: the person is held until its deadline.</summary>
    public static bool HoldRunning(CaseFile state) => state.Hold is not null && state.HoldExpiredAt is null;

    /// <summary>
    /// The deadlines a supervisor must act on: those not met yet (missed, or due later: whether such a one is at risk
    /// depends on when the queue is read). One met, even late, asks nothing more of a supervisor and leaves the queue;
    /// the summary still shows it met late. Judged by <see cref="CaseDeadlines"/>, as the summary is.
    /// </summary>
    public static IEnumerable<Deadline> Breaches(CaseFile state) =>
        CaseDeadlines.Of(state, DateTimeOffset.MinValue).Where(d => d.MetAt is null);

    private static bool InCustody(CaseFile state) =>
        state.ReleasedAt is null && state.TransferredToIceAt is null && state.TransferredToOri is null && state.Disposition is null;
}
