namespace CaseFlow.Demo.Loader;

/// <summary>
/// The demo year's clock, registered as the host's <see cref="TimeProvider"/>: it reads the instant the loader last
/// moved it to and only ever moves forward.
/// </summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="instant"/>, or leaves it where it is if that lies behind it.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        if (instant.UtcTicks > Interlocked.Read(ref _ticks))
            Interlocked.Exchange(ref _ticks, instant.UtcTicks);
    }
}
