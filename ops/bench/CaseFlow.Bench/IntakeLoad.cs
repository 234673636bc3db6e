using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CaseFlow.Soak;

namespace CaseFlow.Bench;

/// <summary>
/// Posts bookings (each a new case) to CaseFlow and to the baseline, alternately at each client count, and prints
/// events/s, latency percentiles and each server's peak resident memory, then the ratio of CaseFlow to baseline.
/// Bounded: a fixed number of requests per run, loopback only.
/// </summary>
public static class IntakeLoad
{
    public static async Task<int> Run(LoadOptions options)
    {
        Console.WriteLine("| target | clients | requests | events/s | p50 ms | p99 ms | max ms | errors | service CPU ms/event | PostgreSQL CPU ms/event |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var clients in options.Clients)
        {
            var baseline = await Measure("baseline", clients, options, Baseline(options.Baseline), options.Servers.GetValueOrDefault("baseline"));
            var caseflow = await Measure("CaseFlow", clients, options, CaseFlowBooking(options.CaseFlow, options.Token), options.Servers.GetValueOrDefault("caseflow"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| ratio CaseFlow/baseline | {clients} | | {caseflow / baseline:0.00} | | | | | | |"));
        }

        foreach (var (name, pid) in options.Servers)
            Console.WriteLine($"peak resident memory (VmHWM) of {name} (pid {pid}): {PeakMegabytes(pid)} MiB");
        return 0;
    }

    private static async Task<double> Measure(string target, int clients, LoadOptions options, Func<HttpClient, int, Task<HttpResponseMessage>> send, int serverPid)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        await Drive(http, clients, options.Warmup, send, new double[options.Warmup]);

        var latencies = new double[options.Requests];
        var (serverCpu, postgresCpu) = (CpuTime.OfProcess(serverPid), CpuTime.OfPostgres(options.Postmaster));
        var clock = Stopwatch.StartNew();
        var errors = await Drive(http, clients, options.Requests, send, latencies);
        var seconds = clock.Elapsed.TotalSeconds;
        var serverMs = (CpuTime.OfProcess(serverPid) - serverCpu).TotalMilliseconds / options.Requests;
        var postgresMs = (CpuTime.OfPostgres(options.Postmaster) - postgresCpu).TotalMilliseconds / options.Requests;

        Array.Sort(latencies);
        var perSecond = options.Requests / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {target} | {clients} | {options.Requests} | {perSecond:0} | {Percentile(latencies, 0.50):0.0} | {Percentile(latencies, 0.99):0.0} | {latencies[^1]:0.0} | {errors} | {serverMs:0.00} | {postgresMs:0.00} |"));
        return perSecond;
    }

    private static async Task<int> Drive(HttpClient http, int clients, int requests, Func<HttpClient, int, Task<HttpResponseMessage>> send, double[] latencies)
    {
        var next = -1;
        var errors = 0;
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests && deadline.Elapsed < TimeSpan.FromMinutes(5))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await send(http, i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref errors);
            }
        }));
        return errors;
    }

    private static Func<HttpClient, int, Task<HttpResponseMessage>> CaseFlowBooking(Uri server, string token) => (http, _) =>
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/api/bookings")) { Content = BookingBodies.NewBody("JEM") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    };

    private static Func<HttpClient, int, Task<HttpResponseMessage>> Baseline(Uri server) => (http, _) =>
        http.PostAsJsonAsync(new Uri(server, "/baseline/bookings"),
            new PlainBooking(BookingBodies.Ori, BookingBodies.NewBookingNumber(), DateTimeOffset.UtcNow.AddMinutes(-30), "TX PC 49.04", "Driving while intoxicated"));

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static long PeakMegabytes(int pid) => (long)MemorySample.Read(pid, TimeSpan.Zero).PeakMiB;
}
