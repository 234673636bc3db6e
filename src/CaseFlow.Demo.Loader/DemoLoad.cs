using CaseFlow.Demo.Plan;
using CaseFlow.Server.Custody;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// Runs one lane's writes (<see cref="DemoLanes"/>: its cases', or the governance writes) in the plan's order under the
/// simulated clock, as <see cref="Place"/> hands them over, in windows: the writes of one instant, or (with a
/// <c>window</c> above zero) the writes sent within that span of simulated time, ended early only by a write that may
/// depend on one already in it (<see cref="WindowDependencies"/>), by a deadline of a case the window touches, by a
/// write to a case whose deadline fell due within the window, or by an agreement's termination (<see cref="DemoLanes"/>
/// flushes every lane there: <see cref="TerminationStarts"/>). Before a window the deadlines due by its first instant
/// are delivered one by one at their instants (<see cref="DeadlineDelivery"/>: the lane's own); then the clock is set
/// to the window's last instant (for this lane's flow: <see cref="SimulatedClock.StandStillInThisFlow"/>) and its writes
/// are sent: its case writes together
/// through the batch path (<see cref="CaseWritesInProcess"/>), its governance writes to their endpoints, those to
/// different streams concurrently (<see cref="WriteGroups"/>, up to <c>writers</c> at once), each stream's in the
/// plan's order; beside them, the deadlines of other cases that fell due within the window. The first write CaseFlow
/// does not apply stops the load.
/// </summary>
/// <remarks>
/// A window's writes are stored at its last instant, at most <c>window</c> after they were sent, and so are the
/// deadlines that fell due within it (their events keep their own instants); the contract's dependencies between
/// streams (a case event on its officer's authorization, on its agreement) end a window, so what a write depends on is
/// applied before it is sent. A deadline delivered beside a window's writes reads and writes a case none of them
/// touches, so it is judged as it would have been at its instant.
/// </remarks>
public sealed class DemoLoad(SimulatedClock clock, DeadlineDelivery deadlines, DemoDispatch dispatch, IServiceProvider services, int writers, TimeSpan window)
{
    // A window with more writes than this is sent in slices, one after another (the plan is read lazily).
    private const int SliceSize = 1000;

    private readonly WindowDependencies _dependencies = new();
    private readonly CaseWritesInProcess _cases = new(services);
    private readonly HashSet<string> _streams = [];
    // Deadlines of cases the window does not touch that fell due within it, delivered beside its writes, and their cases.
    private readonly List<(object Message, DateTimeOffset At)> _due = [];
    private readonly HashSet<string> _dueCases = [];
    private readonly List<DemoWrite> _pending = new(SliceSize);
    // This lane's instant: its last window's or delivered deadline's (the other lanes move the shared clock on their own).
    private DateTimeOffset _now = clock.GetUtcNow();
    private long _sent;

    /// <summary>How many windows were sent (the writes of one are sent together).</summary>
    public long Windows { get; private set; }

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>
    /// Places the next write: it joins the window being gathered, or that window is sent and it starts the next one,
    /// after the deadlines due by its instant are delivered.
    /// </summary>
    public async Task Place(DemoWrite write, CancellationToken ct)
    {
        if (_pending.Count > 0 && write.SentAt < _pending[^1].SentAt)
            throw new InvalidOperationException($"The plan went back in time: a write at {write.SentAt:O} after one at {_pending[^1].SentAt:O}.");
        if (_pending.Count > 0 && !Joins(_pending, write, deadlines.TakeUpTo(write.SentAt, OfUntouchedCase)))
            await Flush(ct);
        if (_pending.Count == 0)
            _now = await deadlines.DeliverUpTo(write.SentAt, _now, services, ct);
        _pending.Add(write);
        _dependencies.Add(write);
        _streams.UnionWith(WriteGroups.StreamsOf(write));
    }

    /// <summary>Sends the window being gathered, if any, and waits until it is written.</summary>
    public async Task Flush(CancellationToken ct)
    {
        await Send(_pending, ct);
        _pending.Clear();
        _dependencies.Clear();
        _streams.Clear();
        _due.Clear();
        _dueCases.Clear();
    }

    /// <summary>The writes are over: sends the last window and delivers what is still pending, each at its instant.</summary>
    public async Task Finish(CancellationToken ct)
    {
        await Flush(ct);
        await deadlines.DeliverAll(_now, services, ct);
    }

    /// <summary>A hold's deadline of a case none of the window's writes touches: it reads and writes that case alone.</summary>
    private bool OfUntouchedCase(object message) => message is HoldDeadlineReached reached && !_streams.Contains(CaseOf(message));

    private static string CaseOf(object deadline) => ((HoldDeadlineReached)deadline).CaseId.ToString();

    /// <summary>
    /// Whether the write joins the window, with the deadlines of untouched cases <paramref name="due"/> by its instant,
    /// which then go beside the window. If it does not, they go back to be delivered one by one at their instants
    /// before it: the window is stored at its own last instant, not at a deadline's in the gap after it.
    /// </summary>
    private bool Joins(List<DemoWrite> pending, DemoWrite write, List<(object Message, DateTimeOffset At)> due)
    {
        var joins = pending.Count < SliceSize && deadlines.NextDue > write.SentAt && !TouchesDueCase(write, due)
            && (write.SentAt == pending[0].SentAt || write.SentAt - pending[0].SentAt < window)
            && !_dependencies.DependsOnWindow(write);
        if (!joins)
        {
            deadlines.PutBack(due);
            return false;
        }

        _due.AddRange(due);
        _dueCases.UnionWith(due.Select(d => CaseOf(d.Message)));
        return true;
    }

    /// <summary>Whether the write touches a case whose deadline goes beside the window (it must see that deadline's outcome).</summary>
    private bool TouchesDueCase(DemoWrite write, List<(object Message, DateTimeOffset At)> due) =>
        (_dueCases.Count > 0 || due.Count > 0)
        && WriteGroups.StreamsOf(write).Any(stream => _dueCases.Contains(stream) || due.Any(d => CaseOf(d.Message) == stream));

    private async Task Send(List<DemoWrite> pending, CancellationToken ct)
    {
        if (pending.Count == 0)
            return;
        Windows++;
        // The deadlines beside the window fell due by its last write's instant (Joins). Its governance writes go
        // through the host's endpoints, outside this flow: the shared clock stands there too (DemoLanes runs them alone).
        _now = pending[^1].SentAt;
        clock.MoveTo(_now);
        clock.StandStillInThisFlow(_now);
        var caseWrites = pending.Where(WriteGroups.TouchesCasesOnly).ToList();
        var others = pending.Where(write => !WriteGroups.TouchesCasesOnly(write)).ToList();
        await Task.WhenAll(SendCaseWrites(caseWrites, ct), deadlines.DeliverTaken(_due, CaseOf, writers, services, ct), Parallel.ForEachAsync(WriteGroups.Of(others), new ParallelOptions { MaxDegreeOfParallelism = writers, CancellationToken = ct }, async (group, token) =>
        {
            foreach (var write in group)
            {
                await dispatch.Send(write, token);
                Interlocked.Increment(ref _sent);
            }
        }));
    }

    private async Task SendCaseWrites(List<DemoWrite> writes, CancellationToken ct)
    {
        if (writes.Count == 0)
            return;
        await _cases.Send(writes, ct);
        Interlocked.Add(ref _sent, writes.Count);
    }
}
