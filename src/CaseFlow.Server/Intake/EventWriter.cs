using System.Diagnostics;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Security;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Npgsql;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace CaseFlow.Server.Intake;

/// <summary>
/// The one append path for client events. Writers on a stream queue on its row (exclusive fetch); a stream the caller
/// cannot see, or none, is 404 before anything else; a stored event id answers its original result, or 409 if the
/// content differs; If-Match is checked against the version read
/// under the lock; rules run only for new events and their refusals are not remembered; the staged event carries
/// the envelope and the chained integrity hash. A lost race is judged again against what won it, and a lock wait
/// that times out is a 409 with Retry-After: never a 500.
/// </summary>
public sealed class EventWriter(OutboxedSessionFactory sessions, AccessLog audit)
{
    private const int Attempts = 3;

    /// <summary>Writes the event and records the access: an append in its own transaction, any other outcome queued.</summary>
    public async Task<WriteOutcome> Write<TState>(WriteRequest<TState> request, IMessageContext context, CancellationToken ct)
        where TState : class, IChainedState<TState>
    {
        var outcome = await WriteOnce(request, context, ct);
        if (outcome is not WriteOutcome.Appended)
            await audit.Record(AccessOf(request, AccessOutcomeOf(outcome)), ct);
        return outcome;
    }

    private async Task<WriteOutcome> WriteOnce<TState>(WriteRequest<TState> request, IMessageContext context, CancellationToken ct)
        where TState : class, IChainedState<TState>
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
                // A concurrent writer stored the same event id, or started the same stream, first: judge again.
            }
        }
    }

    private async Task<WriteOutcome> TryWrite<TState>(WriteRequest<TState> request, IMessageContext context, CancellationToken ct)
        where TState : class, IChainedState<TState>
    {
        await using var session = sessions.OpenSession(context);
        session.CorrelationId = Activity.Current?.TraceId.ToString();
        session.CausationId = request.Event.EventId.ToString();
        session.LastModifiedBy = request.Caller.Subject;

        // One round trip: lock the stream's row, then (in the same batch, so after the lock is granted) look for
        // the event id and read whatever the rule needs.
        var batch = session.CreateBatchQuery();
        var locked = batch.Events.FetchForExclusiveWriting<TState>(request.StreamId);
        var alreadyStored = batch.Events.Load(request.Event.EventId);
        var rule = request.Decide(batch);
        await batch.Execute(ct);

        var stream = await locked;
        var state = stream.Aggregate;
        // "Not found" is decided before the event id is judged, so the answer does not depend on a stored event the
        // caller cannot see (another agency's event id posted to a made-up case is 404, as a fresh id is).
        if ((state is not null && !request.CanSee(state)) || (state is null && !request.StartsStream))
            return new WriteOutcome.NotFound();

        if (await alreadyStored is { } stored)
            return await Judge(stored, request, session, ct);
        if (state is not null && request.StartsStream)
            return await JudgeRepeatedStart(request, session, ct);

        var currentVersion = stream.CurrentVersion ?? 0;
        if (request.IfMatch is { } expected && expected != currentVersion)
            return new WriteOutcome.Stale(currentVersion);

        var decision = rule(state);
        if (decision.Refusal is { } refusal)
            return new WriteOutcome.Refused(refusal);

        var staged = EventStager.Stage(session, request.StreamId, currentVersion + 1, state?.ChainHead ?? EventChain.Genesis, request.Event, decision.Data!, request.Caller);
        var appended = new List<(IEvent Stored, object Data)> { (staged, decision.Data!) };
        foreach (var follow in decision.AppendedByCaseFlow)
        {
            var previous = appended[^1].Stored;
            var incoming = SystemEvent(request.StreamId, follow);
            appended.Add((EventStager.Stage(session, request.StreamId, previous.Version + 1, previous.GetHeader(EventHeaders.Hash)!.ToString()!, incoming, follow.Data, CaseFlowItself), follow.Data));
        }

        stream.AppendMany(appended.Select(a => a.Stored).ToArray());
        request.AlongWith?.Invoke(session);
        audit.Within(session, AccessOf(request, AccessOutcomes.Appended));
        foreach (var (@event, data) in appended)
        {
            if (request.Schedule(@event.Id, data) is { } scheduled)
                await context.ScheduleAsync(scheduled.Message, scheduled.At);
        }

        await session.SaveChangesAsync(ct);
        return new WriteOutcome.Appended(AppendResult.From(staged) with { AppendedByCaseFlow = [.. appended.Skip(1).Select(a => AppendResult.From(a.Stored))] },
            Created: request.StartsStream);
    }

    /// <summary>Who appends what CaseFlow decides itself (a hold): no client, the system.</summary>
    public static readonly CallerScope CaseFlowItself = new("caseflow", "system", null, null, null);

    /// <summary>An event CaseFlow appends, fingerprinted like a client's so a replay of its cause finds it unchanged.</summary>
    public static IncomingEvent SystemEvent(Guid streamId, SystemEvent e)
    {
        var type = e.Data.GetType().Name;
        return new IncomingEvent(e.EventId, type, e.OccurredAt, Late: false, OfficerId: null,
            IncomingEvent.FingerprintOf(streamId, type, e.OccurredAt, late: false, officerId: null, content: null));
    }

    /// <summary>The event id is already stored: the same request again is answered as it was the first time.</summary>
    private static async Task<WriteOutcome> Judge<TState>(IEvent stored, WriteRequest<TState> request, IQuerySession session, CancellationToken ct)
        where TState : class =>
        stored.StreamId == request.StreamId
        && stored.GetHeader(EventHeaders.Fingerprint)?.ToString() == request.Event.Fingerprint
        && await request.SameSideRecords(session, ct)
            ? new WriteOutcome.Replayed(AppendResult.From(stored) with { AppendedByCaseFlow = await AppendedWith(stored, session, ct) }, Created: stored.Version == 1)
            : new WriteOutcome.IdConflict();

    /// <summary>What CaseFlow appended in the same transaction as <paramref name="stored"/>: the events right after it that it caused.</summary>
    private static async Task<IReadOnlyList<AppendResult>> AppendedWith(IEvent stored, IQuerySession session, CancellationToken ct)
    {
        // At most two follow an event: the withdrawal of a hold and a hold now due.
        var later = await session.Events.FetchStreamAsync(stored.StreamId, version: stored.Version + 2, fromVersion: stored.Version + 1, token: ct);
        return [.. later.TakeWhile(e => e.CausationId == stored.Id.ToString() && e.GetHeader(EventHeaders.Role)?.ToString() == CaseFlowItself.Role).Select(AppendResult.From)];
    }

    /// <summary>The same start (a booking, a nomination) sent again under a new event id: answer with the event that started it.</summary>
    private static async Task<WriteOutcome> JudgeRepeatedStart<TState>(WriteRequest<TState> request, IQuerySession session, CancellationToken ct)
        where TState : class
    {
        var first = (await session.Events.FetchStreamAsync(request.StreamId, version: 1, token: ct)).Single();
        return first.GetHeader(EventHeaders.Fingerprint)?.ToString() == request.Event.Fingerprint && await request.SameSideRecords(session, ct)
            ? new WriteOutcome.Replayed(AppendResult.From(first), Created: true)
            : new WriteOutcome.AlreadyStarted(request.StreamId);
    }

    private AccessRecord AccessOf<TState>(WriteRequest<TState> request, string outcome) where TState : class =>
        audit.Describe(request.Caller, $"{AccessRecordKinds.Of<TState>()}:{request.StreamId}", typeof(TState) == typeof(CaseFile) ? request.StreamId : null,
            request.Event.Type, outcome);

    private static string AccessOutcomeOf(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Appended => AccessOutcomes.Appended,
        WriteOutcome.Replayed => AccessOutcomes.Replayed,
        WriteOutcome.Refused refused => AccessOutcomes.Refused(refused.Refusal.Type, 422),
        WriteOutcome.NotFound => AccessOutcomes.NotFound,
        WriteOutcome.IdConflict or WriteOutcome.AlreadyStarted => AccessOutcomes.Conflict,
        WriteOutcome.Stale => AccessOutcomes.Refused("stale-version", 412),
        WriteOutcome.Busy => AccessOutcomes.Refused("busy", 409),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

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
