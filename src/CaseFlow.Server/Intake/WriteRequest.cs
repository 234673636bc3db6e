using CaseFlow.Domain;
using CaseFlow.Server.Security;
using Marten;
using Marten.Services.BatchQuerying;

namespace CaseFlow.Server.Intake;

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

/// <summary>
/// One event to write to a stream (a case, an officer, an agreement, a complaint). <see cref="Decide"/> adds what its
/// rule needs to read (an agreement, an officer) to the batch that also locks the stream, so one round trip fetches
/// everything, and returns the rule, which runs under the lock with the stream's current state and only for an
/// event not stored yet. <see cref="CanSee"/> hides streams outside the caller's scope (answered 404);
/// <see cref="AlongWith"/> adds other documents to the same transaction; <see cref="SameSideRecords"/> tells
/// whether a retry's side records (a booking's subject) match the stored ones.
/// </summary>
public sealed record WriteRequest<TState>(
    Guid StreamId,
    IncomingEvent Event,
    CallerScope Caller,
    Func<IBatchedQuery, Func<TState?, Decision>> Decide)
    where TState : class
{
    public bool StartsStream { get; init; }
    public long? IfMatch { get; init; }
    public Func<TState, bool> CanSee { get; init; } = _ => true;
    public Action<IDocumentSession>? AlongWith { get; init; }
    public Func<IQuerySession, CancellationToken, Task<bool>> SameSideRecords { get; init; } = (_, _) => Task.FromResult(true);

    /// <summary>A message an appended event (by its id and data) schedules (a deadline), stored durably in the same transaction.</summary>
    public Func<Guid, object, ScheduledMessage?> Schedule { get; init; } = (_, _) => null;
}

/// <summary>An event CaseFlow appends itself, under an id derived from what caused it so a replay reproduces it.</summary>
public sealed record SystemEvent(Guid EventId, object Data, DateTimeOffset OccurredAt);

/// <summary>A message to deliver at <see cref="At"/>.</summary>
public sealed record ScheduledMessage(object Message, DateTimeOffset At);
