namespace CaseFlow.Server.Statistics;

/// <summary>
/// The durations of one roll-up cell: how many facts fell in each bucket of minutes (named by its first minute,
/// ops/migrations/0009-statistics-durations-bounded.sql). Its percentiles are PostgreSQL's <c>percentile_disc</c> over
/// the facts' buckets (the bucket at position ⌈p·n⌉ in order, at least the first), so a median of an even number of
/// values is the lower middle one, never an average.
/// </summary>
public sealed class DurationHistogram
{
    private readonly Dictionary<int, int> _byMinutes = [];
    private long _count;

    public void Add(int minutes, int facts)
    {
        _count += facts;
        _byMinutes[minutes] = _byMinutes.GetValueOrDefault(minutes) + facts;
    }

    /// <summary>Adds each bucket's facts: <paramref name="facts"/>[i] facts in the bucket whose first minute is <paramref name="minutes"/>[i].</summary>
    public void Add(int[] minutes, int[] facts)
    {
        if (minutes.Length != facts.Length)
            throw new ArgumentException("every bucket has its number of facts", nameof(facts));
        for (var i = 0; i < minutes.Length; i++)
            Add(minutes[i], facts[i]);
    }

    /// <summary>Adds every fact of <paramref name="other"/>.</summary>
    public void Add(DurationHistogram other)
    {
        foreach (var (minutes, facts) in other._byMinutes)
            Add(minutes, facts);
    }

    /// <summary>The median and the 90th percentile; both null when the histogram holds nothing.</summary>
    public (TimeSpan? Median, TimeSpan? P90) Percentiles()
    {
        // Sorted once, when read: a roll-up adds hundreds of buckets and reads two percentiles.
        var sorted = _byMinutes.OrderBy(b => b.Key).ToList();
        return (Percentile(sorted, 0.5), Percentile(sorted, 0.9));
    }

    private TimeSpan? Percentile(List<KeyValuePair<int, int>> sorted, double fraction)
    {
        if (_count == 0)
            return null;
        var position = Math.Max(1L, (long)Math.Ceiling(fraction * _count));
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
