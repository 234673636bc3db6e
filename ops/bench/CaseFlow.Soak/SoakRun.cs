using System.Diagnostics;
using System.Globalization;

namespace CaseFlow.Soak;

/// <summary>What a soak saw, and the targets it missed (none: it passed).</summary>
public sealed record SoakResult(IReadOnlyList<MemorySample> Samples, double SlopeMiBPerMinute, double PeakMiB, int Bookings, int Reads, int TokensMinted,
    IReadOnlyDictionary<string, int> Errors, IReadOnlyList<string> Missed);

/// <summary>
/// The soak: <see cref="SoakWorkload"/> for the options' duration while the node's memory is sampled; prints each
/// sample as it is taken, then the fitted slope (samples after the warm-up), the peak and the errors, each against its
/// limit.
/// </summary>
public static class SoakRun
{
    public static async Task<SoakResult> Run(SoakOptions options, TextWriter output)
    {
        output.WriteLine(Line($"soak: {options.Duration.TotalMinutes:0.##} min against {options.CaseFlow} (pid {options.ServerPid}): {options.BookingsPerSecond} bookings/s and {options.ReadsPerSecond} reads/s (case summary, review queue, statistics), tokens of {options.TokenLifetime.TotalSeconds:0} s renewed at three quarters of their life; VmRSS every {options.SampleEvery.TotalSeconds:0} s, trend fitted after {options.WarmUp.TotalSeconds:0} s"));
        using var workload = new SoakWorkload(options);
        using var stop = new CancellationTokenSource(options.Duration);
        var traffic = workload.Run(stop.Token);
        var samples = new List<MemorySample>();
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(options.SampleEvery);
        for (var taken = 0; taken < (int)(options.Duration / options.SampleEvery) && await tick.WaitForNextTickAsync(CancellationToken.None); taken++)
        {
            var sample = MemorySample.Read(options.ServerPid, clock.Elapsed);
            samples.Add(sample);
            output.WriteLine(Line($"soak: {sample.At.TotalSeconds,6:0} s  VmRSS {sample.RssMiB,6:0.0} MiB  VmHWM {sample.PeakMiB,6:0.0} MiB  bookings {workload.Bookings}  reads {workload.Reads}  errors {workload.ErrorCount}  tokens minted {workload.TokensMinted}"));
        }

        await traffic;
        var peak = MemorySample.Read(options.ServerPid, clock.Elapsed).PeakMiB;
        var slope = MemorySample.SlopeMiBPerMinute([.. samples.Where(s => s.At >= options.WarmUp)]);
        var missed = new List<string>();
        if (workload.ErrorCount > 0)
            missed.Add($"{workload.ErrorCount} errors: {string.Join(", ", workload.Errors.Select(e => $"{e.Key} ×{e.Value}"))}");
        if (peak > options.PeakLimitMiB)
            missed.Add(Line($"VmHWM {peak:0.0} MiB over {options.PeakLimitMiB:0} MiB"));
        if (slope > options.SlopeLimitMiBPerMinute)
            missed.Add(Line($"VmRSS rises {slope:0.00} MiB/min after the warm-up, over {options.SlopeLimitMiBPerMinute:0.##} MiB/min"));
        var slopeLimit = options.SlopeLimitMiBPerMinute is { } limit ? Line($"limit {limit:0.##}") : "not judged: too short a run";
        output.WriteLine(Line($"soak: {workload.Bookings} bookings, {workload.Reads} reads, {workload.ErrorCount} errors (target 0); tokens minted {workload.TokensMinted}"));
        output.WriteLine(Line($"soak: VmRSS slope after the warm-up {slope:0.00} MiB/min over {samples.Count(s => s.At >= options.WarmUp)} samples ({slopeLimit}); VmHWM {peak:0.0} MiB (limit {options.PeakLimitMiB:0})"));
        output.WriteLine(missed.Count == 0 ? "soak: PASS" : $"soak: FAIL: {string.Join("; ", missed)}");
        return new SoakResult(samples, slope, peak, workload.Bookings, workload.Reads, workload.TokensMinted, workload.Errors, missed);
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
