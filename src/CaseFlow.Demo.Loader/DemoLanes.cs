using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CaseFlow.Demo.Plan;
using CaseFlow.Server.Custody;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Writing;
using Wolverine;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// Runs a plan's writes in lanes that go side by side: a case belongs to one lane (by its id), and each lane is a
/// <see cref="DemoLoad"/> of its own, with its windows, its deadlines (<see cref="DeadlinesByLane"/>) and its instant,
/// so one lane's window is staged while another's commits and both cores work. A case write depends on no other case
/// (the plan's contract), so what a lane stores does not depend on how far the others have got: a seed gives the same
/// year. Governance writes (officers, agreements, complaints), on which later case writes of their agency may depend,
/// go in a lane of their own while the case lanes wait: every case lane first sends what it gathered and waits until
/// it is written, and the case lanes go on once the governance writes are written. Every lane sends what it gathered
/// before the first write at or after an agreement's termination (<see cref="TerminationStarts"/>). A jail's batch
/// whose cases fall in several lanes is sent as one batch per lane.
/// </summary>
public sealed class DemoLanes
{
    /// <summary>
    /// Lanes of cases by default: on this 2-core machine three loaded the national year faster than one or two, the
    /// loader's peak memory still under its 300 MiB (docs/benchmarks.md, "Lanes of cases").
    /// </summary>
    public const int Default = 3;

    // The writes a case lane may have waiting before the plan's reader waits for it.
    private const int Backlog = 2_000;

    private readonly SimulatedClock _clock;
    private readonly TerminationStarts _terminations;
    private readonly DemoLoad _governance;
    private readonly (DemoLoad Load, Channel<object> Writes)[] _cases;
    private bool _governing;

    public DemoLanes(SimulatedClock clock, DeadlinesByLane deadlines, DemoDispatch dispatch, IServiceProvider services, int writers, TimeSpan window,
        TerminationStarts terminations)
    {
        _clock = clock;
        _terminations = terminations;
        Start = clock.GetUtcNow();
        _governance = new DemoLoad(clock, deadlines.Governance, dispatch, services, writers, window);
        _cases = [.. deadlines.Cases.Select(lane => (new DemoLoad(clock, lane, dispatch, services, writers, window),
            Channel.CreateBounded<object>(new BoundedChannelOptions(Backlog) { SingleReader = true, SingleWriter = true })))];
    }

    /// <summary>Where the clock stood when the load began.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The furthest instant a lane has reached.</summary>
    public DateTimeOffset Now => _clock.GetUtcNow();

    public long Sent => _governance.Sent + _cases.Sum(lane => lane.Load.Sent);

    public long Windows => _governance.Windows + _cases.Sum(lane => lane.Load.Windows);

    public int Lanes => _cases.Length;

    /// <summary>The lane of a case, out of <paramref name="lanes"/>.</summary>
    public static int LaneOf(Guid caseId, int lanes) => (int)(BitConverter.ToUInt32(caseId.ToByteArray(), 0) % (uint)lanes);

    public async Task Run(IEnumerable<DemoWrite> writes, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var lanes = _cases.Select(lane => RunLane(lane.Load, lane.Writes.Reader, stop)).ToList();
        Exception? failure = null;
        try
        {
            foreach (var write in writes)
                await Route(write, stop.Token);
            await _governance.Finish(stop.Token);
        }
        catch (Exception e)
        {
            failure = e;
            await stop.CancelAsync();
        }

        foreach (var lane in _cases)
            lane.Writes.Writer.Complete();
        await Task.WhenAll(lanes).ContinueWith(_ => { }, TaskScheduler.Default);
        // What stopped the load, rather than the cancellation it caused in the other lanes.
        var errors = lanes.Select(lane => lane.Exception?.InnerException).Prepend(failure).OfType<Exception>().ToList();
        if ((errors.FirstOrDefault(e => e is not OperationCanceledException) ?? errors.FirstOrDefault()) is { } error)
            ExceptionDispatchInfo.Throw(error);
    }

    private async Task Route(DemoWrite write, CancellationToken ct)
    {
        // No window, of cases or of governance, runs past an agreement's termination (TerminationStarts).
        if (_terminations.Passes(write.SentAt))
        {
            await FlushCaseLanes(ct);
            await _governance.Flush(ct);
        }

        _terminations.Note(write);
        if (!WriteGroups.TouchesCasesOnly(write))
        {
            if (!_governing)
                await FlushCaseLanes(ct);
            _governing = true;
            await _governance.Place(write, ct);
            return;
        }

        if (_governing)
            await _governance.Flush(ct);
        _governing = false;
        foreach (var (lane, part) in ByLane(write))
            await _cases[lane].Writes.Writer.WriteAsync(part, ct);
    }

    /// <summary>Every case lane sends what it gathered and has it written (a lane that fails cancels the wait).</summary>
    private async Task FlushCaseLanes(CancellationToken ct)
    {
        var flushed = new List<Task>();
        foreach (var lane in _cases)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await lane.Writes.Writer.WriteAsync(done, ct);
            flushed.Add(done.Task);
        }

        await Task.WhenAll(flushed).WaitAsync(ct);
    }

    private static async Task RunLane(DemoLoad lane, ChannelReader<object> writes, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var item in writes.ReadAllAsync(stop.Token))
            {
                if (item is TaskCompletionSource flushed)
                {
                    await lane.Flush(stop.Token);
                    flushed.SetResult();
                }
                else
                {
                    await lane.Place((DemoWrite)item, stop.Token);
                }
            }

            await lane.Finish(stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stop.CancelAsync();
            throw;
        }
    }

    /// <summary>The write for each lane its cases fall in: a batch split by its items' cases, anything else whole.</summary>
    private IEnumerable<(int Lane, DemoWrite Part)> ByLane(DemoWrite write)
    {
        var lanes = WriteGroups.StreamsOf(write).Select(stream => LaneOf(Guid.Parse(stream), _cases.Length)).ToList();
        if (lanes.Distinct().Count() == 1)
            return [(lanes[0], write)];
        var items = (JsonArray)write.Body["events"]!;
        return lanes.Distinct().Order().Select(lane =>
        {
            var body = (JsonObject)write.Body.DeepClone();
            body["events"] = new JsonArray([.. items.Where((_, index) => lanes[index] == lane).Select(item => item?.DeepClone())]);
            return (lane, write with { Body = body });
        });
    }
}

/// <summary>
/// The host's scheduler during a load: a hold's deadline goes to the deadlines of its case's lane
/// (<see cref="DemoLanes.LaneOf"/>), anything else to the governance lane's. It never reads the base's clock, which
/// hands instants to Wolverine's scheduler.
/// </summary>
public sealed class DeadlinesByLane(SimulatedClock clock, int lanes) : MessageScheduler(new DatabaseClock(clock))
{
    public IReadOnlyList<DeadlineDelivery> Cases { get; } = lanes >= 1
        ? [.. Enumerable.Range(0, lanes).Select(_ => new DeadlineDelivery(clock))]
        : throw new ArgumentOutOfRangeException(nameof(lanes), lanes, "A load needs at least one lane of cases.");

    public DeadlineDelivery Governance { get; } = new(clock);

    public int Delivered => Governance.Delivered + Cases.Sum(lane => lane.Delivered);

    public TimeSpan Spent => Governance.Spent + Cases.Aggregate(TimeSpan.Zero, (sum, lane) => sum + lane.Spent);

    public override ValueTask Schedule(IMessageContext context, ScheduledMessage scheduled)
    {
        (scheduled.Message is HoldDeadlineReached reached ? Cases[DemoLanes.LaneOf(reached.CaseId, Cases.Count)] : Governance).Add(scheduled);
        return ValueTask.CompletedTask;
    }
}
