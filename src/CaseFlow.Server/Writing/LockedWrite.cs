using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Platform;
using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;

namespace CaseFlow.Server.Writing;

/// <summary>
/// A stream's writes in a group (one, or a batch's several in order) whose stream lock, event-id lookups and rule reads
/// are in the group's round trip: each judged under the lock against the state the staged ones before it left, then
/// staged.
/// </summary>
internal abstract class LockedWrite
{
    /// <summary>
    /// Judges the writes in order under the lock: per write judged, the outcome that appends nothing, or null when the
    /// event (and what CaseFlow appends with it, what it stores along and hands to <paramref name="schedule"/>) is
    /// staged in <paramref name="session"/> for the commit. The writes after one that does not let later writes of its
    /// stream proceed (<see cref="WriteOutcome.LetsLaterWritesProceed"/>) are not judged, and have no entry.
    /// </summary>
    public abstract Task<IReadOnlyList<WriteOutcome?>> Stage(IDocumentSession session, Func<ScheduledMessage, ValueTask> schedule, CancellationToken ct);

    /// <summary>What the staged write at <paramref name="index"/> answers once its transaction committed (the events' global positions are known then).</summary>
    public abstract WriteOutcome Appended(int index);
}

internal sealed class LockedWrite<TState> : LockedWrite where TState : class, IChainedState<TState>
{
    private readonly IReadOnlyList<PlannedWrite> _chain;
    private readonly Task<IEventStream<TState>> _stream;
    private readonly IReadOnlyList<IEvent>[] _staged;
    private readonly GroupReads _reads;

    public LockedWrite(IReadOnlyList<PlannedWrite> chain, IBatchedQuery batch, GroupReads reads)
    {
        (_chain, _reads) = (chain, reads);
        // The lock is in the batch before the event ids are looked up (GroupReads.AddEventLookup) and the rules' reads run.
        _stream = batch.Events.FetchForExclusiveWriting<TState>(chain[0].Plan.StreamId);
        foreach (var planned in chain)
        {
            reads.LookUp(planned.Plan.Event.EventId);
            Plan(planned).Prefetch(reads);
        }

        _staged = new IReadOnlyList<IEvent>[chain.Count];
    }

    public override async Task<IReadOnlyList<WriteOutcome?>> Stage(IDocumentSession session, Func<ScheduledMessage, ValueTask> schedule, CancellationToken ct)
    {
        var stream = await _stream;
        var (state, version) = (stream.Aggregate, stream.CurrentVersion ?? 0);
        var outcomes = new List<WriteOutcome?>(_chain.Count);
        for (var index = 0; index < _chain.Count; index++)
        {
            var plan = Plan(_chain[index]);
            var (ended, accepted) = await Judge(plan, state, version, _reads.Stored(plan.Event.EventId), session, ct);
            outcomes.Add(ended);
            if (ended is not null)
            {
                if (!ended.LetsLaterWritesProceed)
                    break;
                continue;
            }

            var staged = await Append(plan, _chain[index].TraceId, accepted!, stream, state, version, session, schedule);
            _staged[index] = staged;
            version = staged[^1].Version;
            // A next write of the chain is judged as if this one were committed: on the state the snapshot will hold.
            if (index < _chain.Count - 1)
                state = staged.Aggregate(state, ChainedProjection<TState>.After);
        }

        return outcomes;
    }

    public override WriteOutcome Appended(int index) =>
        new WriteOutcome.Appended(AppendResult.From(_staged[index][0]) with { AppendedByCaseFlow = [.. _staged[index].Skip(1).Select(AppendResult.From)] },
            Created: Plan(_chain[index]).StartsStream);

    private static WritePlan<TState> Plan(PlannedWrite planned) => (WritePlan<TState>)planned.Plan;

    /// <summary>The outcome that appends nothing, or the rule's acceptance of a new event.</summary>
    private static async Task<(WriteOutcome? Ended, Decision? Accepted)> Judge(
        WritePlan<TState> plan, TState? state, long version, StoredEvent? stored, IQuerySession session, CancellationToken ct)
    {
        // "Not found" is decided before the event id is judged, so the answer does not depend on a stored event the
        // caller cannot see (another agency's event id posted to a made-up case is 404, as a fresh id is).
        if ((state is not null && !plan.CanSee(state)) || (state is null && !plan.StartsStream))
            return (new WriteOutcome.NotFound(), null);
        if (stored is not null)
            return (await Replay(plan, stored, session, ct), null);
        if (state is not null && plan.StartsStream)
            return (await RepeatedStart(plan, session, ct), null);
        if (plan.IfMatch is { } expected && expected != version)
            return (new WriteOutcome.Stale(version), null);

        var decision = plan.Decide(state);
        return decision.Refusal is { } refusal ? (new WriteOutcome.Refused(refusal), null) : (null, decision);
    }

    /// <summary>The accepted event staged with its chained hash, what CaseFlow appends after it, what it stores along and schedules.</summary>
    private static async Task<IReadOnlyList<IEvent>> Append(
        WritePlan<TState> plan, string? traceId, Decision decision, IEventStream<TState> stream, TState? state, long version, IDocumentSession session,
        Func<ScheduledMessage, ValueTask> schedule)
    {
        var staged = new List<(IEvent Stored, object Data)>
        {
            (EventStager.Stage(session, plan.StreamId, version + 1, state?.ChainHead ?? EventChain.Genesis, plan.Event, decision.Data!, plan.Caller), decision.Data!),
        };
        foreach (var follow in decision.AppendedByCaseFlow)
        {
            var previous = staged[^1].Stored;
            var incoming = IncomingEvent.System(follow.EventId, plan.StreamId, follow.Data.GetType().Name, follow.OccurredAt);
            staged.Add((EventStager.Stage(session, plan.StreamId, previous.Version + 1, previous.GetHeader(EventHeaders.Hash)!.ToString()!, incoming, follow.Data, EventWriter.CaseFlowItself), follow.Data));
        }

        foreach (var (e, _) in staged)
        {
            // Per event, not per session: a group's transaction holds many requests.
            e.CorrelationId = traceId;
            e.CausationId = plan.Event.EventId.ToString();
            e.UserName = plan.Caller.Subject;
        }

        stream.AppendMany([.. staged.Select(s => s.Stored)]);
        plan.AlongWith(session);
        foreach (var (e, data) in staged)
        {
            if (plan.Schedule(e.Id, data) is { } scheduled)
                await schedule(scheduled);
        }

        return [.. staged.Select(s => s.Stored)];
    }

    /// <summary>The event id is already stored: the same request again is answered as it was the first time.</summary>
    private static async Task<WriteOutcome> Replay(WritePlan<TState> plan, StoredEvent stored, IQuerySession session, CancellationToken ct) =>
        stored.StreamId == plan.StreamId
        && stored.Fingerprint == plan.Event.Fingerprint
        && await plan.SameSideRecords(session, ct)
            ? new WriteOutcome.Replayed(stored.Answer with { AppendedByCaseFlow = await AppendedWith(stored, session, ct) }, Created: stored.Version == 1)
            : new WriteOutcome.IdConflict();

    /// <summary>What CaseFlow appended in the same transaction as <paramref name="stored"/>: the events right after it that it caused.</summary>
    private static async Task<IReadOnlyList<AppendResult>> AppendedWith(StoredEvent stored, IQuerySession session, CancellationToken ct)
    {
        // At most two follow an event: the withdrawal of a hold and a hold now due.
        var later = await session.Events.FetchStreamAsync(stored.StreamId, version: stored.Version + 2, fromVersion: stored.Version + 1, token: ct);
        return [.. later.TakeWhile(e => e.CausationId == stored.Id.ToString() && e.GetHeader(EventHeaders.Role)?.ToString() == EventWriter.CaseFlowItself.Role).Select(AppendResult.From)];
    }

    /// <summary>The same start (a booking, a nomination) sent again under a new event id: answer with the event that started it.</summary>
    private static async Task<WriteOutcome> RepeatedStart(WritePlan<TState> plan, IQuerySession session, CancellationToken ct)
    {
        var first = (await session.Events.FetchStreamAsync(plan.StreamId, version: 1, token: ct)).Single();
        return first.GetHeader(EventHeaders.Fingerprint)?.ToString() == plan.Event.Fingerprint && await plan.SameSideRecords(session, ct)
            ? new WriteOutcome.Replayed(AppendResult.From(first), Created: true)
            : new WriteOutcome.AlreadyStarted(plan.StreamId);
    }
}
