using System.Diagnostics;
using CaseFlow.Server.Writing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// What the demo year's writes schedule (a hold's deadline), kept here, one per lane (<see cref="DeadlinesByLane"/>),
/// instead of in Wolverine's durable store: its scheduler polls the wall clock, before which the whole simulated year lies, so it would deliver every deadline at
/// once and early. The loader delivers each through the same handler, in process, once the clock has reached its
/// instant: one by one at their instants (<see cref="DeliverUpTo(DateTimeOffset, DateTimeOffset, IServiceProvider, CancellationToken)"/>),
/// or taken (<see cref="TakeUpTo"/>) and delivered side by side later (<see cref="DeliverTaken"/>); never early, so
/// never rescheduled. Nothing is left in Wolverine's tables for a served node to fire a second time
/// (<see cref="DeliverAll"/> ends the year).
/// </summary>
public sealed class DeadlineDelivery(SimulatedClock clock)
{
    private readonly PriorityQueue<object, DateTimeOffset> _pending = new();
    private int _delivered;
    private long _spentTicks;

    public int Delivered => _delivered;

    /// <summary>The wall time spent delivering one by one, on the load's path (not what was delivered beside a window's writes).</summary>
    public TimeSpan Spent => TimeSpan.FromTicks(Interlocked.Read(ref _spentTicks));

    /// <summary>When the next pending message falls due (<see cref="DateTimeOffset.MaxValue"/> when none is).</summary>
    public DateTimeOffset NextDue
    {
        get
        {
            lock (_pending)
                return _pending.TryPeek(out _, out var at) ? at : DateTimeOffset.MaxValue;
        }
    }

    public void Add(ScheduledMessage scheduled)
    {
        lock (_pending)
            _pending.Enqueue(scheduled.Message, scheduled.At);
    }

    /// <summary>
    /// Delivers, in the order they fall due, every message due at or before <paramref name="until"/>, each with the
    /// clock at its instant (or at <paramref name="now"/>, for a deadline that had passed when its write was sent late),
    /// and answers where the clock then stands.
    /// </summary>
    public async Task<DateTimeOffset> DeliverUpTo(DateTimeOffset until, DateTimeOffset now, IServiceProvider services, CancellationToken ct)
    {
        while (Next(until, _ => true) is var (message, at))
        {
            var started = Stopwatch.GetTimestamp();
            now = at > now ? at : now;
            clock.MoveTo(now);
            clock.StandStillInThisFlow(now);
            await Deliver(message, services, ct);
            Interlocked.Add(ref _spentTicks, Stopwatch.GetElapsedTime(started).Ticks);
        }

        return now;
    }

    /// <summary>
    /// Takes out, in the order they fall due, the messages due at or before <paramref name="until"/>, stopping before
    /// the first one <paramref name="may"/> refuses; they are the caller's to <see cref="DeliverTaken"/> or <see cref="PutBack"/>.
    /// </summary>
    public List<(object Message, DateTimeOffset At)> TakeUpTo(DateTimeOffset until, Func<object, bool> may)
    {
        var taken = new List<(object, DateTimeOffset)>();
        while (Next(until, may) is { } next)
            taken.Add(next);
        return taken;
    }

    /// <summary>Returns taken messages, to be delivered as if never taken.</summary>
    public void PutBack(IEnumerable<(object Message, DateTimeOffset At)> taken)
    {
        lock (_pending)
        {
            foreach (var (message, at) in taken)
                _pending.Enqueue(message, at);
        }
    }

    /// <summary>
    /// Delivers taken messages side by side, up to <paramref name="concurrency"/> at once, those of one
    /// <paramref name="group"/> in the order they fell due, with the clock where it stands, which must have reached
    /// every one's instant.
    /// </summary>
    public async Task DeliverTaken(IReadOnlyList<(object Message, DateTimeOffset At)> taken, Func<object, object> group, int concurrency,
        IServiceProvider services, CancellationToken ct)
    {
        if (taken.Count > 0 && taken.Max(t => t.At) > clock.GetUtcNow())
            throw new InvalidOperationException("A taken message would be delivered before its instant.");
        await Parallel.ForEachAsync(taken.GroupBy(t => group(t.Message)), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (messages, token) =>
            {
                foreach (var (message, _) in messages)
                    await Deliver(message, services, token);
            });
    }

    /// <summary>The year is over: delivers what is still pending, each at its instant.</summary>
    public Task<DateTimeOffset> DeliverAll(DateTimeOffset now, IServiceProvider services, CancellationToken ct) => DeliverUpTo(DateTimeOffset.MaxValue, now, services, ct);

    private async Task Deliver(object message, IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message, ct);
        Interlocked.Increment(ref _delivered);
    }

    private (object Message, DateTimeOffset At)? Next(DateTimeOffset until, Func<object, bool> may)
    {
        lock (_pending)
            return _pending.TryPeek(out var message, out var at) && at <= until && may(message) ? (_pending.Dequeue(), at) : null;
    }
}
