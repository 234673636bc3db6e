using System.Diagnostics;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Writing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// What the demo year's writes schedule (a hold's deadline), kept here instead of in Wolverine's durable store: its
/// scheduler polls the wall clock, before which the whole simulated year lies, so it would deliver every deadline at
/// once and early. The loader delivers each through the same handler, in process, at its own simulated instant
/// (<see cref="DeliverUpTo"/>), before the clock passes it: never early, so never rescheduled. Nothing is left in
/// Wolverine's tables for a served node to fire a second time (<see cref="DeliverAll"/> ends the year). Its own
/// <see cref="Schedule"/> never reads the base's clock, which hands instants to Wolverine's scheduler.
/// </summary>
public sealed class DeadlineDelivery(SimulatedClock clock) : MessageScheduler(new DatabaseClock(clock))
{
    private readonly PriorityQueue<object, DateTimeOffset> _pending = new();

    public int Delivered { get; private set; }

    /// <summary>The wall time spent delivering: each delivery is a transaction of its own, one after another.</summary>
    public TimeSpan Spent { get; private set; }

    /// <summary>When the next pending message falls due (<see cref="DateTimeOffset.MaxValue"/> when none is).</summary>
    public DateTimeOffset NextDue
    {
        get
        {
            lock (_pending)
                return _pending.TryPeek(out _, out var at) ? at : DateTimeOffset.MaxValue;
        }
    }

    public override ValueTask Schedule(IMessageContext context, ScheduledMessage scheduled)
    {
        lock (_pending)
            _pending.Enqueue(scheduled.Message, scheduled.At);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Delivers, in the order they fall due, every message due at or before <paramref name="until"/>, each with the
    /// clock at its instant (or where the clock already is, for a deadline that had passed when its write was sent late).
    /// </summary>
    public Task DeliverUpTo(DateTimeOffset until, IServiceProvider services, CancellationToken ct) => DeliverUpTo(until, _ => true, services, ct);

    /// <summary>As <see cref="DeliverUpTo(DateTimeOffset, IServiceProvider, CancellationToken)"/>, stopping before the first message <paramref name="may"/> refuses.</summary>
    public async Task DeliverUpTo(DateTimeOffset until, Func<object, bool> may, IServiceProvider services, CancellationToken ct)
    {
        while (Next(until, may) is var (message, at))
        {
            var started = Stopwatch.GetTimestamp();
            clock.MoveTo(at);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message, ct);
            Delivered++;
            Spent += Stopwatch.GetElapsedTime(started);
        }
    }

    /// <summary>The year is over: delivers what is still pending, each at its instant.</summary>
    public Task DeliverAll(IServiceProvider services, CancellationToken ct) => DeliverUpTo(DateTimeOffset.MaxValue, services, ct);

    private (object Message, DateTimeOffset At)? Next(DateTimeOffset until, Func<object, bool> may)
    {
        lock (_pending)
            return _pending.TryPeek(out var message, out var at) && at <= until && may(message) ? (_pending.Dequeue(), at) : null;
    }
}
