using System.Threading.Channels;
using CaseFlow.Server.Audit;

namespace CaseFlow.Server.Writing;

/// <summary>
/// Group commit for single requests (bookings, case and governance events): a request's plan is queued, and a few
/// writer loops each take what is queued (one plan per stream; a second one for a stream waits for the next group)
/// and write it in one transaction (<see cref="EventWriter.Commit"/>). A request waits only while the loops are busy
/// with earlier groups, never on a timer; a request that finds no other write in flight writes itself at once, without
/// the hop to a loop, so one client at a time is written as before; under load, the requests that arrived during a
/// commit share the next one. Each request is answered after the transaction that holds its event committed.
/// </summary>
public sealed class WriteQueue
{
    /// <summary>Transactions in flight at once: while one commits (waits on the disk), the next is judged.</summary>
    public const int Writers = 4;

    /// <summary>The most plans one transaction takes.</summary>
    public const int MaxGroup = 64;

    private readonly EventWriter _writer;
    private readonly AccessLog _audit;
    private readonly Channel<Queued> _queued = Channel.CreateUnbounded<Queued>();
    private readonly Lazy<Task[]> _loops;

    /// <summary>
    /// Writes being written or waiting. The only one writes itself where its request runs: nothing to group it with,
    /// so no hop to a writer loop (one client at a time is as fast as without the queue); the others are queued. A
    /// write to a stream the lone one also writes waits on the stream's row lock, as two loops' groups would.
    /// </summary>
    private int _inFlight;

    public WriteQueue(EventWriter writer, AccessLog audit)
    {
        (_writer, _audit) = (writer, audit);
        // Started by the first write, with no request's context flowing into the loops.
        _loops = new(() =>
        {
            using var _ = ExecutionContext.SuppressFlow();
            return [.. Enumerable.Range(0, Writers).Select(_ => Task.Run(Loop))];
        });
    }

    private sealed record Queued(PlannedWrite Write, TaskCompletionSource<WriteOutcome> Answer);

    public async Task<WriteOutcome> Write(WritePlan plan, CancellationToken ct)
    {
        var planned = _writer.Planned(plan);
        try
        {
            // Not cancelled by the caller going away: once accepted, the write is judged and answered like any other.
            var outcome = Interlocked.Increment(ref _inFlight) == 1
                ? (await _writer.Commit([planned], CancellationToken.None))[0]
                : await Queue(planned, ct);
            _audit.MarkRecorded();
            return outcome;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<WriteOutcome> Queue(PlannedWrite planned, CancellationToken ct)
    {
        _ = _loops.Value;
        var queued = new Queued(planned, new TaskCompletionSource<WriteOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queued.Writer.WriteAsync(queued, ct);
        return await queued.Answer.Task;
    }

    private async Task Loop()
    {
        var waiting = new List<Queued>();
        while (waiting.Count > 0 || await _queued.Reader.WaitToReadAsync())
        {
            var group = new List<Queued>();
            var streams = new HashSet<Guid>();
            var later = new List<Queued>();
            foreach (var queued in waiting)
                Take(queued);
            for (var read = 0; read < MaxGroup && _queued.Reader.TryRead(out var queued); read++)
                Take(queued);
            waiting = later;
            if (group.Count == 0)
                continue; // another loop took what was queued

            try
            {
                var outcomes = await _writer.Commit([.. group.Select(q => q.Write)], CancellationToken.None);
                foreach (var (queued, outcome) in group.Zip(outcomes))
                    queued.Answer.SetResult(outcome);
            }
            catch (Exception e)
            {
                foreach (var queued in group)
                    queued.Answer.SetException(e);
            }

            void Take(Queued queued)
            {
                if (group.Count < MaxGroup && streams.Add(queued.Write.Plan.StreamId))
                    group.Add(queued);
                else
                    later.Add(queued);
            }
        }
    }
}
