namespace CaseFlow.Server.Statistics;

/// <summary>
/// The facts of one roll-up cell: how many, and how many of each duration in whole minutes. Its percentiles are
/// PostgreSQL's <c>percentile_disc</c> over the facts' minutes (the value at position ⌈p·n⌉ in order, at least the
/// first), so a median of an even number of values is the lower middle one, never an average.
/// </summary>
public sealed class DurationHistogram
{
    private readonly Dictionary<int, int> _byMinutes = [];
    private int _count;
    private int _timed;

    /// <param name="minutes">The facts' duration; null for facts counted but not timed.</param>
    public void Add(int? minutes, int facts)
    {
        _count += facts;
        if (minutes is not { } m)
            return;
        _timed += facts;
        _byMinutes[m] = _byMinutes.GetValueOrDefault(m) + facts;
    }

    /// <summary>Adds every fact of <paramref name="other"/>.</summary>
    public void Add(DurationHistogram other)
    {
        _count += other._count;
        _timed += other._timed;
        foreach (var (minutes, facts) in other._byMinutes)
            _byMinutes[minutes] = _byMinutes.GetValueOrDefault(minutes) + facts;
    }

    public MeasureCell Cell()
    {
        // Sorted once, when read: a roll-up adds thousands of durations and reads two percentiles.
        var sorted = _byMinutes.OrderBy(b => b.Key).ToList();
        return new MeasureCell(_count, Percentile(sorted, 0.5), Percentile(sorted, 0.9));
    }

    private TimeSpan? Percentile(List<KeyValuePair<int, int>> sorted, double fraction)
    {
        if (_timed == 0)
            return null;
        var position = Math.Max(1L, (long)Math.Ceiling(fraction * _timed));
        var seen = 0L;
        foreach (var (minutes, facts) in sorted)
        {
            seen += facts;
            if (seen >= position)
                return TimeSpan.FromMinutes(minutes);
        }

        throw new InvalidOperationException("a position within the count lies within the histogram");
    }
}
