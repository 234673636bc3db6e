using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Security;
using Marten;

namespace CaseFlow.Server.Intake;

/// <summary>A rule's verdict on an event: the data to store, or the refusal.</summary>
public sealed record Decision(object? Data, Refusal? Refusal)
{
    public static Decision Accept(object data) => new(data, null);

    public static Decision Refuse(Refusal refusal) => new(null, refusal);
}

/// <summary>
/// One event to write to a case. <see cref="Decide"/> runs under the case's write lock with its current state and
/// only for an event not stored yet; <see cref="AlongWith"/> adds other documents to the same transaction;
/// <see cref="SameSideRecords"/> tells whether a retry's side records (a booking's subject) match the stored ones.
/// </summary>
public sealed record WriteRequest(
    Guid CaseId,
    IncomingEvent Event,
    CallerScope Caller,
    Func<CaseFile?, IQuerySession, CancellationToken, Task<Decision>> Decide)
{
    public bool StartsCase { get; init; }
    public long? IfMatch { get; init; }
    public Action<IDocumentSession>? AlongWith { get; init; }
    public Func<IQuerySession, CancellationToken, Task<bool>> SameSideRecords { get; init; } = (_, _) => Task.FromResult(true);
}
