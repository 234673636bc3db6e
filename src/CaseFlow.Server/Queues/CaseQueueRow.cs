using CaseFlow.Domain;
using CaseFlow.Domain.Audit;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Platform;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten.Events.Aggregation;

namespace CaseFlow.Server.Queues;

/// <summary>
/// The read document of one case behind the supervisors' queues and the case search: the case as the summary folds
/// it, plus the columns the queues filter and sort on (each the instant the case sorts by on that queue, or null when
/// it is not on it) and what the queue items show (<see cref="QueueView"/>). Nothing here is a countdown: time left is
/// computed when a queue is read.
/// </summary>
public sealed record CaseQueueRow
{
    public Guid Id { get; init; }
    public required CaseFile Case { get; init; }
    public required string Ori { get; init; }
    public required string FieldOfficeCode { get; init; }
    public ProgramModel Model { get; init; }
    public CaseStatus Status { get; init; }
    public DateTimeOffset BookedAt { get; init; }
    public DateTimeOffset? ReviewAt { get; init; }
    public DateTimeOffset? DetainerAt { get; init; }
    public DateTimeOffset? ReleaseAt { get; init; }
    public DateTimeOffset? DeadlineAt { get; init; }
    public DateTimeOffset? ClaimAt { get; init; }

    /// <summary>From when the case holds a control-test finding of its own (<see cref="CaseExceptions"/>), or null.</summary>
    public DateTimeOffset? ExceptionAt { get; init; }

    /// <summary>
    /// What the case's queue items show, read by queue pages instead of <see cref="Case"/>. Null only in a row stored
    /// by a version before the views, until the upgrade's rebuild of this projection rewrites it.
    /// </summary>
    public QueueView? View { get; init; }

    /// <summary>The row of a case; its indexed instants in UTC, as PostgreSQL's <c>timestamptz</c> columns take them (a jail may send any offset).</summary>
    public static CaseQueueRow Of(CaseFile state)
    {
        var at = CaseQueues.Of(state);
        return new CaseQueueRow
        {
            Id = state.Id, Case = state, Ori = state.Ori, FieldOfficeCode = state.FieldOfficeCode, Model = state.Model, Status = state.Status,
            BookedAt = state.BookedAt.ToUniversalTime(), ReviewAt = at.Review?.ToUniversalTime(), DetainerAt = at.Detainer?.ToUniversalTime(),
            ReleaseAt = at.Release?.ToUniversalTime(), DeadlineAt = at.Deadline?.ToUniversalTime(), ClaimAt = at.Claim?.ToUniversalTime(),
            ExceptionAt = CaseExceptions.FirstAt(state)?.ToUniversalTime(), View = QueueView.Of(state),
        };
    }
}

/// <summary>
/// The asynchronous projection of <see cref="CaseQueueRow"/>: each case folded by the very evolve function of the
/// inline case summary (<see cref="CaseFileProjection"/>), so voids and late facts act on the queues as they act on
/// the summary, and a row can be checked against the case folded from its events at the same version.
/// </summary>
public sealed class CaseQueueProjection : SingleStreamProjection<CaseQueueRow, Guid>
{
    public const string ProjectionName = "CaseQueues";

    private readonly CaseFileProjection _summary = new();

    public CaseQueueProjection()
    {
        Name = ProjectionName;
        this.TakeOnly(EventCatalogue.CaseEvents);
    }

    /// <summary>
    /// Keeps <see cref="CaseReadModels"/> out of the daemon's single pass for a composite, which it takes on a shard's
    /// first start (position 0) and on a rebuild: that pass reads up to the highest stored event, so an event whose
    /// writer still holds a lower sequence number commits behind the shard's position and is never applied
    /// (Faults/FirstStartTests). Without it the shard reads in pages up to the high-water mark, which waits for such a
    /// writer.
    /// </summary>
    public override bool CanParticipateInCompositeReplay => false;

    /// <summary>
    /// Folds the slice's events onto the case one by one, then derives the row once: a rebuild's slice holds many
    /// events of a case, and the row's instants and view are worth deriving only from the last state.
    /// </summary>
    public override (CaseQueueRow?, ActionType) DetermineAction(CaseQueueRow? snapshot, Guid identity, IReadOnlyList<IEvent> events)
    {
        var state = snapshot?.Case;
        foreach (var e in events)
            state = _summary.Evolve(state, identity, e) ?? state;
        return state is null ? (null, ActionType.Nothing) : (ReferenceEquals(state, snapshot?.Case) ? snapshot : CaseQueueRow.Of(state), ActionType.Store);
    }
}
