namespace CaseFlow.Demo.Year;

/// <summary>A documented mix (docs/demo.md): each value with its share; <see cref="Pick"/> draws one by its weight.</summary>
public sealed class Mix<T>(params (T Value, double Weight)[] entries) where T : notnull
{
    private readonly double total = entries.Sum(e => e.Weight);

    public IReadOnlyList<(T Value, double Weight)> Entries => entries;

    /// <summary>The share of <paramref name="value"/> in the mix, from 0 to 1.</summary>
    public double Share(T value) => entries.Where(e => EqualityComparer<T>.Default.Equals(e.Value, value)).Sum(e => e.Weight) / total;

    public T Pick(Draw draw)
    {
        var target = draw.Uniform() * total;
        foreach (var (value, weight) in entries)
        {
            target -= weight;
            if (target < 0)
                return value;
        }

        return entries[^1].Value;
    }
}
