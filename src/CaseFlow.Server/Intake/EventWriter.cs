using System.Diagnostics;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Integrity;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Npgsql;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace CaseFlow.Server.Intake;

/// <summary>
/// The one append path for case events. Writers on a case queue on its stream row (exclusive fetch); a stored
/// event id answers its original result, or 409 if the content differs; If-Match is checked against the version
/// read under the lock; rules run only for new events and their refusals are not remembered; the staged event
/// carries the envelope and the chained integrity hash. A lost race is judged again against what won it, and a
/// lock wait that times out is a 409 with Retry-After: never a 500.
/// </summary>
public sealed class EventWriter(OutboxedSessionFactory sessions, EventStager stager)
{
    private const int Attempts = 3;

    public async Task<WriteOutcome> Write(WriteRequest request, IMessageContext context, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryWrite(request, context, ct);
            }
            catch (Exception e) when (LockWaitTimedOut(e))
            {
                return new WriteOutcome.Busy();
            }
            catch (Exception e) when (attempt < Attempts && LostARace(e))
            {
                // A concurrent writer stored the same event id, or started the same case, first: judge again.
            }
        }
    }

    private async Task<WriteOutcome> TryWrite(WriteRequest request, IMessageContext context, CancellationToken ct)
    {
        await using var session = sessions.OpenSession(context);
        session.CorrelationId = Activity.Current?.TraceId.ToString();
        session.CausationId = request.Event.EventId.ToString();
        session.LastModifiedBy = request.Caller.Subject;

        // One round trip: lock the case's stream row, then (in the same batch, so after the lock is granted) look
        // for the event id and read whatever the rule needs.
        var batch = session.CreateBatchQuery();
        var locked = batch.Events.FetchForExclusiveWriting<CaseFile>(request.CaseId);
        var alreadyStored = batch.Events.Load(request.Event.EventId);
        var rule = request.Decide(batch);
        await batch.Execute(ct);

        var stream = await locked;
        var state = stream.Aggregate;
        if (state is not null && !request.Caller.CanSee(state))
            return new WriteOutcome.CaseNotFound();

        if (await alreadyStored is { } stored)
            return await Judge(stored, request, session, ct);
        if (state is null && !request.StartsCase)
            return new WriteOutcome.CaseNotFound();
        if (state is not null && request.StartsCase)
            return await JudgeRepeatedBooking(request, session, ct);

        var currentVersion = stream.CurrentVersion ?? 0;
        if (request.IfMatch is { } expected && expected != currentVersion)
            return new WriteOutcome.Stale(currentVersion);

        var decision = rule(state);
        if (decision.Refusal is { } refusal)
            return new WriteOutcome.Refused(refusal);

        var staged = stager.Stage(session, request.CaseId, currentVersion + 1, state?.ChainHead ?? EventChain.Genesis, request.Event, decision.Data!, request.Caller);
        stream.AppendOne(staged);
        request.AlongWith?.Invoke(session);
        await session.SaveChangesAsync(ct);
        return new WriteOutcome.Appended(AppendResult.From(staged), Created: request.StartsCase);
    }

    /// <summary>The event id is already stored: the same request again is answered as it was the first time.</summary>
    private static async Task<WriteOutcome> Judge(IEvent stored, WriteRequest request, IQuerySession session, CancellationToken ct) =>
        stored.StreamId == request.CaseId
        && stored.GetHeader(EventHeaders.Fingerprint)?.ToString() == request.Event.Fingerprint
        && await request.SameSideRecords(session, ct)
            ? new WriteOutcome.Replayed(AppendResult.From(stored), Created: stored.Version == 1)
            : new WriteOutcome.IdConflict();

    /// <summary>The same booking sent again under a new event id: the case exists, so answer with its booking.</summary>
    private static async Task<WriteOutcome> JudgeRepeatedBooking(WriteRequest request, IQuerySession session, CancellationToken ct)
    {
        var booking = (await session.Events.FetchStreamAsync(request.CaseId, version: 1, token: ct)).Single();
        return booking.GetHeader(EventHeaders.Fingerprint)?.ToString() == request.Event.Fingerprint && await request.SameSideRecords(session, ct)
            ? new WriteOutcome.Replayed(AppendResult.From(booking), Created: true)
            : new WriteOutcome.BookingConflict(request.CaseId);
    }

    private static bool LostARace(Exception e) => e switch
    {
        Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException => true,
        JasperFx.ConcurrencyException => true,
        MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => true,
        _ => false,
    };

    private static bool LockWaitTimedOut(Exception e) =>
        e is Marten.Exceptions.StreamLockedException or JasperFx.Events.StreamLockedException || (e.InnerException is { } inner && LockWaitTimedOut(inner))
        || e is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled };
}
