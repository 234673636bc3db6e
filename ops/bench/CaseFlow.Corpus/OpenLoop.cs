using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace CaseFlow.Corpus;

/// <summary>
/// A fixed request rate with latency counted from each request's intended send time: a slow answer delays no later
/// request, so nothing is coordinated away. The sends are paced by a thread of their own sleeping until each intended
/// instant (<see cref="Pacing"/>); each row says how late the sends were, so a driver that falls behind shows.
/// </summary>
public static class OpenLoop
{
    /// <summary>One kind of request, read at a fixed rate.</summary>
    public sealed record Read(string Name, int Rate, int? Items, Func<Task> Request);

    public const string Header =
        "| read | rate/s | requests | p50 ms | p99 ms | max ms | errors | first page items | CaseFlow CPU ms/request | PostgreSQL CPU ms/request | sent late p99 ms | PostgreSQL waits; autovacuum; disk read; cores busy |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|";

    /// <summary>
    /// <paramref name="seconds"/> at the rate, measured from the first request; prints a row of <see cref="Header"/>,
    /// with the CPU both processes spent meanwhile per request (everything they did, so background work is included)
    /// and what <paramref name="waits"/> saw PostgreSQL's backends wait for.
    /// </summary>
    public static async Task Report(Read read, int seconds, ProcessCpu cpu, WaitSampler waits, string prefix = "")
    {
        var before = cpu.Now();
        var measuring = Measure(read.Rate, seconds, read.Request);
        var waited = await waits.During(measuring);
        var (latencies, errors, lateness) = await measuring;
        var after = cpu.Now();
        var sorted = latencies.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {prefix}{read.Name} | {read.Rate} | {sorted.Count} | {sorted[sorted.Count / 2]:0.0} | {sorted[(int)(sorted.Count * 0.99)]:0.0} | {sorted[^1]:0.0} | {errors} | {read.Items?.ToString(CultureInfo.InvariantCulture) ?? ""} | {(after.CaseFlowMs - before.CaseFlowMs) / sorted.Count:0.00} | {(after.PostgresMs - before.PostgresMs) / sorted.Count:0.00} | {lateness.Order().ElementAt((int)(lateness.Length * 0.99)):0.00} | {waited} |"));
    }

    /// <summary>A client that sends <paramref name="token"/> as its bearer token.</summary>
    public static HttpClient Client(string token)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>A GET that must succeed, its body read whole.</summary>
    public static async Task Get(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(ConcurrentBag<double> Latencies, int Errors, double[] Lateness)> Measure(int rate, int seconds, Func<Task> request)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var total = rate * seconds;
        var inFlight = new Task[total];
        var lateness = new double[total];
        var sent = new TaskCompletionSource();
        var sender = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < total; i++)
            {
                var intended = start + (long)(i * (double)Stopwatch.Frequency / rate);
                Pacing.SleepUntil(intended);
                lateness[i] = Stopwatch.GetElapsedTime(intended).TotalMilliseconds;
                inFlight[i] = Task.Run(async () =>
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
                });
            }

            sent.SetResult();
        }) { IsBackground = true, Name = "open-loop sender" };
        sender.Start();
        await sent.Task;
        await Task.WhenAll(inFlight);
        return (latencies, errors, lateness);
    }
}
