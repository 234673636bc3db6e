using System.Threading.Channels;
using CaseFlow.Server.Audit;

namespace CaseFlow.Server.Writing;

/// <summary>
/// Group commit for single requests (bookings, case and governance events): a request's plan is queued, and a few
/// writer loops each take what is queued (one plan per stream; a second one for a stream waits for the next group)
/// and write it in one transaction (<see cref="EventWriter.Commit"/>). A request waits only while the loops are busy
/// with earlier groups, never on a timer, so one client at a time is written alone at once as before; under load, the
/// requests that arrived during a commit share the next one. Each request is answered after the transaction that
/// holds its event committed.
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
        _ = _loops.Value;
        var queued = new Queued(_writer.Planned(plan), new TaskCompletionSource<WriteOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queued.Writer.WriteAsync(queued, ct);
        // Not cancelled by the caller going away: once queued, the write is judged and answered like any other.
        var outcome = await queued.Answer.Task;
        _audit.MarkRecorded();
        return outcome;
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
