using CaseFlow.Domain.Integrity;
using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;

namespace CaseFlow.Server.Writing;

/// <summary>A plan whose stream lock, event-id lookup and rule reads are in the group's round trip: judged under the lock, then staged.</summary>
internal abstract class LockedWrite
{
    /// <summary>
    /// Judges the event under the lock: an outcome that appends nothing, or null when the event (and what CaseFlow
    /// appends with it, what it stores along and hands to <paramref name="schedule"/>) is staged in
    /// <paramref name="session"/> for the commit.
    /// </summary>
    public abstract Task<WriteOutcome?> Stage(IDocumentSession session, Func<ScheduledMessage, ValueTask> schedule, string? traceId, CancellationToken ct);

    /// <summary>What a staged write answers once its transaction committed (the events' global positions are known then).</summary>
    public abstract WriteOutcome Appended();
}

internal sealed class LockedWrite<TState> : LockedWrite where TState : class, IChainedState<TState>
{
    private readonly WritePlan<TState> _plan;
    private readonly Task<IEventStream<TState>> _stream;
    private readonly Task<IEvent> _stored;
    private IReadOnlyList<IEvent> _staged = [];

    public LockedWrite(WritePlan<TState> plan, IBatchedQuery batch)
    {
        _plan = plan;
        // In this order in the batch: the lock is granted before the event id is looked up and the rule's reads run.
        _stream = batch.Events.FetchForExclusiveWriting<TState>(plan.StreamId);
        _stored = batch.Events.Load(plan.Event.EventId);
        plan.Prefetch(batch);
    }

    public override async Task<WriteOutcome?> Stage(IDocumentSession session, Func<ScheduledMessage, ValueTask> schedule, string? traceId, CancellationToken ct)
    {
        var stream = await _stream;
        var state = stream.Aggregate;
        // "Not found" is decided before the event id is judged, so the answer does not depend on a stored event the
        // caller cannot see (another agency's event id posted to a made-up case is 404, as a fresh id is).
        if ((state is not null && !_plan.CanSee(state)) || (state is null && !_plan.StartsStream))
            return new WriteOutcome.NotFound();
        if (await _stored is { } stored)
            return await Replay(stored, session, ct);
        if (state is not null && _plan.StartsStream)
            return await RepeatedStart(session, ct);

        var currentVersion = stream.CurrentVersion ?? 0;
        if (_plan.IfMatch is { } expected && expected != currentVersion)
            return new WriteOutcome.Stale(currentVersion);

        var decision = _plan.Decide(state);
        if (decision.Refusal is { } refusal)
            return new WriteOutcome.Refused(refusal);

        var staged = new List<(IEvent Stored, object Data)>
        {
            (EventStager.Stage(session, _plan.StreamId, currentVersion + 1, state?.ChainHead ?? EventChain.Genesis, _plan.Event, decision.Data!, _plan.Caller), decision.Data!),
        };
        foreach (var follow in decision.AppendedByCaseFlow)
        {
            var previous = staged[^1].Stored;
            var incoming = IncomingEvent.System(follow.EventId, _plan.StreamId, follow.Data.GetType().Name, follow.OccurredAt);
            staged.Add((EventStager.Stage(session, _plan.StreamId, previous.Version + 1, previous.GetHeader(EventHeaders.Hash)!.ToString()!, incoming, follow.Data, EventWriter.CaseFlowItself), follow.Data));
        }

        foreach (var (e, _) in staged)
        {
            // Per event, not per session: a group's transaction holds many requests.
            e.CorrelationId = traceId;
            e.CausationId = _plan.Event.EventId.ToString();
            e.UserName = _plan.Caller.Subject;
        }

        stream.AppendMany([.. staged.Select(s => s.Stored)]);
        _plan.AlongWith(session);
        foreach (var (e, data) in staged)
        {
            if (_plan.Schedule(e.Id, data) is { } scheduled)
                await schedule(scheduled);
        }

        _staged = [.. staged.Select(s => s.Stored)];
        return null;
    }

    public override WriteOutcome Appended() =>
        new WriteOutcome.Appended(AppendResult.From(_staged[0]) with { AppendedByCaseFlow = [.. _staged.Skip(1).Select(AppendResult.From)] }, Created: _plan.StartsStream);

    /// <summary>The event id is already stored: the same request again is answered as it was the first time.</summary>
    private async Task<WriteOutcome> Replay(IEvent stored, IQuerySession session, CancellationToken ct) =>
        stored.StreamId == _plan.StreamId
        && stored.GetHeader(EventHeaders.Fingerprint)?.ToString() == _plan.Event.Fingerprint
        && await _plan.SameSideRecords(session, ct)
            ? new WriteOutcome.Replayed(AppendResult.From(stored) with { AppendedByCaseFlow = await AppendedWith(stored, session, ct) }, Created: stored.Version == 1)
            : new WriteOutcome.IdConflict();

    /// <summary>What CaseFlow appended in the same transaction as <paramref name="stored"/>: the events right after it that it caused.</summary>
    private static async Task<IReadOnlyList<AppendResult>> AppendedWith(IEvent stored, IQuerySession session, CancellationToken ct)
    {
        // At most two follow an event: the withdrawal of a hold and a hold now due.
        var later = await session.Events.FetchStreamAsync(stored.StreamId, version: stored.Version + 2, fromVersion: stored.Version + 1, token: ct);
        return [.. later.TakeWhile(e => e.CausationId == stored.Id.ToString() && e.GetHeader(EventHeaders.Role)?.ToString() == EventWriter.CaseFlowItself.Role).Select(AppendResult.From)];
    }

    /// <summary>The same start (a booking, a nomination) sent again under a new event id: answer with the event that started it.</summary>
    private async Task<WriteOutcome> RepeatedStart(IQuerySession session, CancellationToken ct)
    {
        var first = (await session.Events.FetchStreamAsync(_plan.StreamId, version: 1, token: ct)).Single();
        return first.GetHeader(EventHeaders.Fingerprint)?.ToString() == _plan.Event.Fingerprint && await _plan.SameSideRecords(session, ct)
            ? new WriteOutcome.Replayed(AppendResult.From(first), Created: true)
            : new WriteOutcome.AlreadyStarted(_plan.StreamId);
    }
}
