using System.Text;

namespace CaseFlow.Demo.Year;

/// <summary>
/// The seeded pseudo-random source of one thing of the year (an agency, a case, an officer): the same seed and key
/// give the same draws on every run and machine, whatever else was drawn before, so a case's content does not depend
/// on the order the plan reaches it in. Never the wall clock, never a random id.
/// </summary>
public sealed class Draw(int seed, string key)
{
    private readonly Random random = new(StableHash($"{seed}|{key}"));

    public double Uniform() => random.NextDouble();

    public bool Chance(double probability) => random.NextDouble() < probability;

    public int Between(int min, int maxExclusive) => random.Next(min, maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A whole number of minutes between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public TimeSpan Minutes(double from, double to) => TimeSpan.FromMinutes(Math.Round(from + random.NextDouble() * (to - from)));

    public TimeSpan Hours(double from, double to) => Minutes(from * 60, to * 60);

    public TimeSpan Days(double from, double to) => Minutes(from * 24 * 60, to * 24 * 60);

    /// <summary>A standard normal draw, by Box–Muller.</summary>
    public double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public double LogNormal(double mu, double sigma) => Math.Exp(mu + sigma * Normal());

    /// <summary>A Poisson count of mean <paramref name="mean"/> (Knuth's product below 30, the normal approximation above).</summary>
    public int Poisson(double mean)
    {
        if (mean >= 30)
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal()));
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble())
            count++;
        return count;
    }

    public double Exponential(double mean) => -mean * Math.Log(1 - random.NextDouble());

    /// <summary>FNV-1a over the UTF-8 bytes: unlike <see cref="string.GetHashCode()"/>, the same on every run.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = (hash ^ b) * 16777619u;
        return (int)hash;
    }
}
