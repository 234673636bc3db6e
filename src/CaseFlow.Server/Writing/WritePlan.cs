using CaseFlow.Domain;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Security;
using Marten;
using Marten.Services.BatchQuerying;

namespace CaseFlow.Server.Writing;

/// <summary>
/// A rule's verdict on an event: the data to store, or the refusal; and what CaseFlow appends itself right after it,
/// in the same transaction (a hold the event made due).
/// </summary>
public sealed record Decision(object? Data, Refusal? Refusal)
{
    public IReadOnlyList<SystemEvent> AppendedByCaseFlow { get; init; } = [];

    public static Decision Accept(object data) => new(data, null);

    public static Decision Refuse(Refusal refusal) => new(null, refusal);

    public static Decision Judge(object data, Refusal? refusal) => refusal is null ? Accept(data) : Refuse(refusal);
}

/// <summary>One event to write to a stream, as <see cref="EventWriter"/> groups them: what it is addressed to and by whom.</summary>
public abstract class WritePlan(Guid streamId, IncomingEvent @event, CallerScope caller)
{
    public Guid StreamId { get; } = streamId;
    public IncomingEvent Event { get; } = @event;
    public CallerScope Caller { get; } = caller;

    /// <summary>The event starts the stream (a booking, a nomination): the same start sent again is a replay, other content a conflict.</summary>
    public bool StartsStream { get; init; }

    /// <summary>The stream version the caller read (If-Match): another is answered 412.</summary>
    public long? IfMatch { get; init; }

    /// <summary>The stream's state type (case, officer, ...), which names the access record.</summary>
    public abstract Type StateType { get; }

    /// <summary>
    /// Locks the stream and, for this plan and the ones after it on the same stream (<paramref name="chain"/>, this one
    /// first), looks their event ids up and adds what their rules read (<paramref name="reads"/>, shared by the group),
    /// all to the group's one round trip.
    /// </summary>
    internal abstract LockedWrite Lock(IBatchedQuery batch, GroupReads reads, IReadOnlyList<PlannedWrite> chain);
}

/// <summary>
/// One event to write to a stream of <typeparamref name="TState"/> (a case, an officer, an agreement, a complaint),
/// in the steps the writer runs in order: <see cref="Prefetch"/> adds what the rule reads to the round trip that
/// locks the stream; under the lock, a stream the caller may not see (<see cref="CanSee"/>) is 404, a stored event id
/// a replay, and only a new event is judged by <see cref="Decide"/> with the stream's current state; an accepted
/// event is stored with what <see cref="AlongWith"/> adds and what it <see cref="Schedule"/>s, in one transaction.
/// </summary>
public abstract class WritePlan<TState>(Guid streamId, IncomingEvent @event, CallerScope caller) : WritePlan(streamId, @event, caller)
    where TState : class, IChainedState<TState>
{
    public override Type StateType => typeof(TState);

    public virtual bool CanSee(TState state) => true;

    /// <summary>Adds what the rule reads (an agreement, an officer) to the batch that locks the stream.</summary>
    public virtual void Prefetch(GroupReads reads)
    {
    }

    /// <summary>The rule, under the lock, for an event not stored yet; <paramref name="state"/> is null before a start.</summary>
    public abstract Decision Decide(TState? state);

    /// <summary>Other documents stored in the same transaction as the accepted event (a booking's subject record).</summary>
    public virtual void AlongWith(IDocumentSession session)
    {
    }

    /// <summary>A message an appended event (by its id and data) schedules (a deadline), stored durably in the same transaction.</summary>
    public virtual ScheduledMessage? Schedule(Guid eventId, object data) => null;

    /// <summary>Whether a retry's side records (a booking's subject) match the stored ones.</summary>
    public virtual Task<bool> SameSideRecords(IQuerySession session, CancellationToken ct) => Task.FromResult(true);

    internal override LockedWrite Lock(IBatchedQuery batch, GroupReads reads, IReadOnlyList<PlannedWrite> chain) => new LockedWrite<TState>(chain, batch, reads);

    /// <summary>A plan whose rule reads nothing but the stream's state, with what it stores along if anything.</summary>
    public static WritePlan<TState> Of(
        Guid streamId, IncomingEvent @event, CallerScope caller, Func<TState?, Decision> decide, Action<IDocumentSession>? alongWith = null) =>
        new StateRule(streamId, @event, caller, decide, alongWith);

    private sealed class StateRule(Guid streamId, IncomingEvent @event, CallerScope caller, Func<TState?, Decision> decide, Action<IDocumentSession>? alongWith)
        : WritePlan<TState>(streamId, @event, caller)
    {
        public override Decision Decide(TState? state) => decide(state);

        public override void AlongWith(IDocumentSession session) => alongWith?.Invoke(session);
    }
}

/// <summary>An event CaseFlow appends itself, under an id derived from what caused it so a replay reproduces it.</summary>
public sealed record SystemEvent(Guid EventId, object Data, DateTimeOffset OccurredAt);

/// <summary>A message to deliver at <see cref="At"/>.</summary>
public sealed record ScheduledMessage(object Message, DateTimeOffset At);
