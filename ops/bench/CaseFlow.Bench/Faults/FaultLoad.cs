using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CaseFlow.Domain.Cases;
using CaseFlow.Soak;

namespace CaseFlow.Bench.Faults;

/// <summary>
/// Retrying jail systems under a fault: each client posts new bookings to the nodes in turn, and on each case it booked
/// a second event (its scheduled release, appended to the case's stream and chain); when a try fails (a node gone, the
/// database away, a retryable problem), it sends the same bytes, with the same event id, to the next node until one
/// acknowledges them. Every request is written to the log with whether it was acknowledged; the checker
/// then compares the log with the store. New requests start until the load's time is up, then the unacknowledged ones
/// are retried for at most the drain time.
/// </summary>
public static class FaultLoad
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(1);

    public static async Task<int> Run(string[] args)
    {
        var options = FaultOptions.Parse(args);
        var nodes = options.Required("nodes").Split(',').Select(url => new Uri(url)).ToArray();
        var token = options.Required("token");
        var clients = options.Int("clients", 8);
        var loadTime = TimeSpan.FromSeconds(options.Int("seconds", 20));
        var drainTime = TimeSpan.FromSeconds(options.Int("drain-seconds", 60));
        var log = options.Required("log");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, ConnectTimeout = TimeSpan.FromSeconds(2) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        var requests = new ConcurrentBag<LoggedRequest>();
        var statuses = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        var turn = -1;

        // Sends the same bytes, with the same event id, to the nodes in turn until one acknowledges them or time is up.
        async Task Deliver(LoggedRequest request, string path, object envelope)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(envelope);
            while (!request.Acknowledged && clock.Elapsed < loadTime + drainTime)
            {
                var node = nodes[(Interlocked.Increment(ref turn) & int.MaxValue) % nodes.Length];
                var (status, wait) = await Try(http, new Uri(node, path), token, body);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                request.Acknowledged = status is "200" or "201";
                if (request.Acknowledged)
                    request.AcknowledgedAt = DateTimeOffset.UtcNow;
                else
                    await Task.Delay(wait);
            }

            requests.Add(request);
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < loadTime)
            {
                var number = BookingBodies.NewBookingNumber();
                var bookedAt = DateTimeOffset.UtcNow;
                var booking = new LoggedRequest(Guid.NewGuid(), CaseId.For(BookingBodies.Ori, number));
                await Deliver(booking, "/api/bookings", BookingBodies.Body(booking.EventId, number, bookedAt));
                if (!booking.Acknowledged)
                    continue;
                var release = new LoggedRequest(Guid.NewGuid(), booking.CaseId);
                await Deliver(release, $"/api/cases/{booking.CaseId}/events", ReleaseBody(release.EventId, bookedAt));
            }
        }));

        await File.WriteAllLinesAsync(log, requests.Select(r => r.ToLine()));
        var acknowledged = requests.Count(r => r.Acknowledged);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {requests.Count} requests from {clients} clients over {nodes.Length} node(s) in {clock.Elapsed.TotalSeconds:0.0} s, {acknowledged} acknowledged, {requests.Count - acknowledged} never acknowledged"));
        Console.WriteLine("answers: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}")));
        // A 500 is a fault the service did not turn into a retryable problem; a 4xx other than busy means the load itself is wrong.
        var wrong = statuses.Where(s => s.Key.StartsWith('5') && s.Key != "503" || s.Key.StartsWith('4') && s.Key is not ("409" or "429")).Sum(s => s.Value);
        Console.WriteLine($"wrong answers (not 2xx, 409, 429, 503 or a lost connection): {wrong}");
        return wrong == 0 ? 0 : 1;
    }

    /// <summary>The jail's second step on each case it booked: the release date the court set, three days on.</summary>
    private static object ReleaseBody(Guid eventId, DateTimeOffset bookedAt) => new
    {
        eventId,
        type = nameof(ScheduledReleaseSet),
        occurredAt = BookingBodies.Instant(DateTimeOffset.UtcNow),
        data = new { at = BookingBodies.Instant(bookedAt.AddDays(3)), reason = "sentence served" },
    };

    /// <summary>One try: its status (or "connection" when none came back) and how long to wait before the next.</summary>
    private static async Task<(string Status, TimeSpan Wait)> Try(HttpClient http, Uri uri, string token, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter?.Delta is null)
                return ("503 without Retry-After", RetryPause);
            var asked = response.Headers.RetryAfter?.Delta ?? RetryPause;
            return (((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), asked < LongestRetryAfter ? asked : LongestRetryAfter);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return ("connection", RetryPause);
        }
    }
}
