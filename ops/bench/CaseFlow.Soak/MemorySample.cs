using System.Globalization;

namespace CaseFlow.Soak;

/// <summary>A process's resident set (VmRSS) and its peak so far (VmHWM), in MiB, at <see cref="At"/> into the run.</summary>
public sealed record MemorySample(TimeSpan At, double RssMiB, double PeakMiB)
{
    public static MemorySample Read(int pid, TimeSpan at)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return new MemorySample(at, Field(status, "VmRSS:"), Field(status, "VmHWM:"));
    }

    private static double Field(string[] status, string name) =>
        double.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;

    /// <summary>The least-squares slope of resident memory over time, in MiB per minute (0 with fewer than two samples).</summary>
    public static double SlopeMiBPerMinute(IReadOnlyList<MemorySample> samples)
    {
        if (samples.Count < 2)
            return 0;
        var meanT = samples.Average(s => s.At.TotalMinutes);
        var meanM = samples.Average(s => s.RssMiB);
        var covariance = samples.Sum(s => (s.At.TotalMinutes - meanT) * (s.RssMiB - meanM));
        var variance = samples.Sum(s => Math.Pow(s.At.TotalMinutes - meanT, 2));
        return variance == 0 ? 0 : covariance / variance;
    }
}
