using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace CaseFlow.Corpus;

/// <summary>
/// A fixed request rate with latency counted from each request's intended send time: a slow answer delays no later
/// request, so nothing is coordinated away.
/// </summary>
public static class OpenLoop
{
    /// <summary>One second at the rate, not counted (tiered JIT, connection pools), then <paramref name="seconds"/> measured.</summary>
    public static async Task Report(string name, int rate, int seconds, int? items, Func<Task> request)
    {
        await Measure(rate, 1, request);
        var (latencies, errors) = await Measure(rate, seconds, request);
        var sorted = latencies.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {rate} | {sorted.Count} | {sorted[sorted.Count / 2]:0.0} | {sorted[(int)(sorted.Count * 0.99)]:0.0} | {sorted[^1]:0.0} | {errors} | {items?.ToString(CultureInfo.InvariantCulture) ?? ""} |"));
    }

    /// <summary>A GET that must succeed, its body read whole.</summary>
    public static async Task Get(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(ConcurrentBag<double> Latencies, int Errors)> Measure(int rate, int seconds, Func<Task> request)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var total = rate * seconds;
        var start = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var intended = start + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    await request();
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies.Add(Stopwatch.GetElapsedTime(intended).TotalMilliseconds);
            }));
        }

        await Task.WhenAll(inFlight);
        return (latencies, errors);
    }
}
