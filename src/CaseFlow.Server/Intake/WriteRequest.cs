using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Security;
using Marten;
using Marten.Services.BatchQuerying;

namespace CaseFlow.Server.Intake;

/// <summary>A rule's verdict on an event: the data to store, or the refusal.</summary>
public sealed record Decision(object? Data, Refusal? Refusal)
{
    public static Decision Accept(object data) => new(data, null);

    public static Decision Refuse(Refusal refusal) => new(null, refusal);
}

/// <summary>
/// One event to write to a case. <see cref="Decide"/> adds what its rule needs to read (an agreement, an officer) to
/// the batch that also locks the case, so one round trip fetches everything, and returns the rule, which runs
/// under the lock with the case's current state and only for an event not stored yet. <see cref="AlongWith"/> adds
/// other documents to the same transaction; <see cref="SameSideRecords"/> tells whether a retry's side records (a
/// booking's subject) match the stored ones.
/// </summary>
public sealed record WriteRequest(
    Guid CaseId,
    IncomingEvent Event,
    CallerScope Caller,
    Func<IBatchedQuery, Func<CaseFile?, Decision>> Decide)
{
    public bool StartsCase { get; init; }
    public long? IfMatch { get; init; }
    public Action<IDocumentSession>? AlongWith { get; init; }
    public Func<IQuerySession, CancellationToken, Task<bool>> SameSideRecords { get; init; } = (_, _) => Task.FromResult(true);
}
