namespace CaseFlow.Demo.Loader;

/// <summary>
/// The demo year's clock, registered as the host's <see cref="TimeProvider"/>: it reads the instant the loader last
/// moved it to and only ever moves forward, except in a flow that holds an instant of its own (a window still being
/// written while the loader has moved on: <see cref="StandStillInThisFlow"/>).
/// </summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _flowInstant = new();
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => _flowInstant.Value ?? new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="instant"/>, or leaves it where it is if that lies behind it.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        if (instant.UtcTicks > Interlocked.Read(ref _ticks))
            Interlocked.Exchange(ref _ticks, instant.UtcTicks);
    }

    /// <summary>
    /// From here on, in the calling asynchronous flow and what it starts, the clock reads <paramref name="instant"/>
    /// wherever it is moved meanwhile. Called first thing in an async method, it ends with that method.
    /// </summary>
    public void StandStillInThisFlow(DateTimeOffset instant) => _flowInstant.Value = instant.ToUniversalTime();
}
