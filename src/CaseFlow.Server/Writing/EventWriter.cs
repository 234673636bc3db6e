using System.Diagnostics;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Operations;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Marten.Exceptions;
using Npgsql;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace CaseFlow.Server.Writing;

/// <summary>
/// The one append path for events. Chains of writes on different streams (a chain is one stream's writes in order:
/// a request's one, or a batch's items of a case) are written together in one transaction: one round trip locks
/// their streams in a fixed order (writers on a stream queue on its row; no two groups deadlock), looks their event
/// ids up and reads what their rules need; each write is judged under its lock against the state the staged ones
/// before it left (<see cref="LockedWrite"/>: 404 for a stream the caller cannot see, the original answer for a
/// stored event id or 409 if the content differs, 412 for a stale If-Match, the rule for a new event); the accepted
/// ones are staged with their chained hashes, access records, side documents and scheduled messages; one commit. A
/// group whose commit fails is written again in halves, so one bad write is answered alone while the others commit;
/// a write alone that lost a race is judged again against what won it, and a lock wait that timed out is answered
/// busy (409 with Retry-After): never a 500.
/// </summary>
public sealed class EventWriter(OutboxedSessionFactory sessions, IWolverineRuntime runtime, MessageScheduler scheduler, AccessLog audit, CaseFlowMetrics metrics, ILogger<EventWriter> logger)
{
    private const int Attempts = 3;

    /// <summary>Who appends what CaseFlow decides itself (a hold): no client, the system.</summary>
    public static readonly CallerScope CaseFlowItself = new("caseflow", "system", null, null, null);

    public async Task<WriteOutcome> Write(WritePlan plan, CancellationToken ct) => (await Commit([Planned(plan)], ct))[0];

    /// <summary>
    /// Writes chains on distinct streams in one transaction: a chain is a stream's writes in their order (a batch's
    /// items of one case), each judged against the state the ones before it left, as if written one after another.
    /// A chain stops at its first write that does not let the later ones proceed
    /// (<see cref="WriteOutcome.LetsLaterWritesProceed"/>): the answer per chain lists the writes judged, in order.
    /// </summary>
    public Task<IReadOnlyList<IReadOnlyList<WriteOutcome>>> WriteChains(IReadOnlyList<IReadOnlyList<WritePlan>> chains, CancellationToken ct) =>
        CommitChains([.. chains.Select(chain => (IReadOnlyList<PlannedWrite>)[.. chain.Select(Planned)])], ct);

    /// <summary>
    /// The plan with what its request knows and the writer may not where it commits (<see cref="WriteQueue"/>): its
    /// access record's caller details and its trace.
    /// </summary>
    public PlannedWrite Planned(WritePlan plan) => new(plan, AccessOf(plan, ""), Activity.Current?.TraceId.ToString());

    /// <summary>
    /// Writes planned writes on distinct streams in one transaction (or, where that fails, in smaller groups), each
    /// answered as if written alone, in their order.
    /// </summary>
    public async Task<IReadOnlyList<WriteOutcome>> Commit(IReadOnlyList<PlannedWrite> group, CancellationToken ct) =>
        [.. (await CommitChains([.. group.Select(planned => (IReadOnlyList<PlannedWrite>)[planned])], ct)).Select(outcomes => outcomes[0])];

    /// <summary>An appended event's access record is in its transaction, any other outcome's is queued.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<WriteOutcome>>> CommitChains(IReadOnlyList<IReadOnlyList<PlannedWrite>> chains, CancellationToken ct)
    {
        if (chains.Any(chain => chain.Count == 0 || chain.Any(p => p.Plan.StreamId != chain[0].Plan.StreamId) || chain.Skip(1).Any(p => p.Plan.StartsStream)))
            throw new ArgumentException("A chain holds one stream's writes, and only its first may start the stream.", nameof(chains));
        if (chains.Select(chain => chain[0].Plan.StreamId).Distinct().Count() != chains.Count)
            throw new ArgumentException("A group holds one chain per stream: later writes of a stream go in its chain or a later group.", nameof(chains));

        var outcomes = await WriteOrSplit(chains, ct);
        foreach (var (planned, outcome) in chains.Zip(outcomes).SelectMany(c => c.First.Zip(c.Second)))
        {
            metrics.Written(planned.Plan.Event.Type, outcome);
            if (outcome is not WriteOutcome.Appended)
                await audit.Record(planned.Access with { Outcome = AccessOutcomeOf(outcome) }, ct);
        }

        return outcomes;
    }

    private async Task<IReadOnlyList<WriteOutcome>[]> WriteOrSplit(IReadOnlyList<IReadOnlyList<PlannedWrite>> chains, CancellationToken ct, bool shared = false)
    {
        if (chains is [[var alone]])
            return [[await WriteAlone(alone, shared, ct)]];
        try
        {
            return await WriteTogether(chains, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && !ServiceUnavailable.IsDatabaseUnavailable(e))
        {
            // Something in the group failed the whole commit (a race lost, a lock wait, a poison request): nothing of it
            // is stored, so each half is written again on its own and the culprit ends up answered alone. A lone chain
            // is halved in its order: the later half only once the earlier one let it proceed.
            if (chains is [var chain])
            {
                var earlier = (await WriteOrSplit([[.. chain.Take(chain.Count / 2)]], ct, shared: true))[0];
                return earlier.Count < chain.Count / 2 || !earlier[^1].LetsLaterWritesProceed
                    ? [earlier]
                    : [[.. earlier, .. (await WriteOrSplit([[.. chain.Skip(chain.Count / 2)]], ct, shared: true))[0]]];
            }

            var half = chains.Count / 2;
            return [.. await WriteOrSplit([.. chains.Take(half)], ct, shared: true), .. await WriteOrSplit([.. chains.Skip(half)], ct, shared: true)];
        }
    }

    /// <param name="shared">The plan came in a group: a failure of its own is its answer, not its neighbours' (a plan
    /// written alone from the start fails as it always did, and a database away for a moment is everyone's 503).</param>
    private async Task<WriteOutcome> WriteAlone(PlannedWrite planned, bool shared, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await WriteTogether([[planned]], ct))[0][0];
            }
            catch (Exception e) when (LockWaitTimedOut(e))
            {
                return new WriteOutcome.Busy();
            }
            catch (Exception e) when (attempt < Attempts && LostARace(e))
            {
                // A concurrent writer stored the same event id, or started the same stream, first: judge again.
            }
            catch (Exception e) when (shared && !ct.IsCancellationRequested && !ServiceUnavailable.IsDatabaseUnavailable(e))
            {
                // Named by type and SQLSTATE only: a database's message can quote the row it refused.
                logger.LogError("A write to {Stream} failed on its own: {Exception} {SqlState}", planned.Plan.StreamId, e.GetType().Name, (e.InnerException as PostgresException ?? e as PostgresException)?.SqlState);
                return new WriteOutcome.Failed();
            }
        }
    }

    private async Task<IReadOnlyList<WriteOutcome>[]> WriteTogether(IReadOnlyList<IReadOnlyList<PlannedWrite>> chains, CancellationToken ct)
    {
        // A message context of the writer's own: what the staged events schedule is stored in this transaction and
        // delivered after its commit, and nothing of an attempt that failed survives it.
        var context = new MessageContext(runtime);
        await using var session = sessions.OpenSession(context);

        var started = Stopwatch.GetTimestamp();
        var batch = session.CreateBatchQuery();
        var reads = new GroupReads(batch);
        var locked = chains.Select((chain, index) => (chain, index)).OrderBy(c => c.chain[0].Plan.StreamId)
            .Select(c => (c.chain, c.index, Write: c.chain[0].Plan.Lock(batch, reads, c.chain))).ToList();
        reads.AddEventLookup();
        try
        {
            await batch.Execute(ct);
        }
        finally
        {
            // A wait that timed out is the one most worth seeing.
            metrics.LockWaited(started);
        }

        var judged = new IReadOnlyList<WriteOutcome?>[chains.Count];
        var scheduled = new List<object>();
        var accessed = new List<AccessRecord>();
        foreach (var (chain, index, write) in locked)
        {
            judged[index] = await write.Stage(session, message =>
            {
                scheduled.Add(message.Message);
                return scheduler.Schedule(context, message);
            }, ct);
            accessed.AddRange(chain.Zip(judged[index]).Where(p => p.Second is null).Select(p => p.First.Access with { Outcome = AccessOutcomes.Appended }));
        }

        audit.Within(session, accessed);

        if (judged.Any(outcomes => outcomes.Any(o => o is null)))
            await session.SaveChangesAsync(ct);
        metrics.AppendTransaction(started);
        scheduled.ForEach(metrics.DeadlineScheduled);
        var outcomes = new IReadOnlyList<WriteOutcome>[chains.Count];
        foreach (var (_, index, write) in locked)
            outcomes[index] = [.. judged[index].Select((outcome, at) => outcome ?? write.Appended(at))];
        return outcomes;
    }

    private AccessRecord AccessOf(WritePlan plan, string outcome) =>
        audit.Describe(plan.Caller, $"{AccessRecordKinds.Of(plan.StateType)}:{plan.StreamId}", plan.StateType == typeof(CaseFile) ? plan.StreamId : null,
            plan.Event.Type, outcome);

    private static string AccessOutcomeOf(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Appended => AccessOutcomes.Appended,
        WriteOutcome.Replayed => AccessOutcomes.Replayed,
        WriteOutcome.Refused refused => AccessOutcomes.Refused(refused.Refusal.Type, 422),
        WriteOutcome.NotFound => AccessOutcomes.NotFound,
        WriteOutcome.IdConflict or WriteOutcome.AlreadyStarted => AccessOutcomes.Conflict,
        WriteOutcome.Stale => AccessOutcomes.Refused("stale-version", 412),
        WriteOutcome.Busy => AccessOutcomes.Refused("busy", 409),
        WriteOutcome.Failed => AccessOutcomes.Refused("write-failed", 500),
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

/// <summary>A plan with its request's access details and trace, taken where the request runs.</summary>
public sealed record PlannedWrite(WritePlan Plan, AccessRecord Access, string? TraceId);
