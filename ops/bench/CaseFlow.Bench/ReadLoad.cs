using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;

namespace CaseFlow.Bench;

/// <summary>
/// Queue and summary reads at a fixed request rate, latency counted from each request's intended send time (an open
/// loop: a slow answer delays no later request, so nothing is coordinated away), each beside the same query sent
/// directly to PostgreSQL (the SQL the read model is read with) in the same run. The corpus is written first, through
/// CaseFlow's batch intake: per case a booking and a scheduled release within the day.
/// </summary>
public static class ReadLoad
{
    private const string Ori = "TX0790000";
    private const int BatchSize = 500;

    public static async Task<int> Run(string[] args)
    {
        var options = args.Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
        var caseflow = new Uri(options["caseflow"]);
        var cases = int.Parse(options.GetValueOrDefault("cases", "10000"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(options.GetValueOrDefault("seconds", "20"), CultureInfo.InvariantCulture);
        using var jail = Client(options["jail"]);
        using var supervisor = Client(options["supervisor"]);
        using var analyst = Client(options["analyst"]);

        var building = Stopwatch.StartNew();
        var (caseIds, position) = await BuildCorpus(jail, caseflow, cases);
        Console.WriteLine($"corpus: {cases} cases, {2 * cases} events through POST /api/events/batch in {building.Elapsed.TotalSeconds:0} s");
        var catchingUp = Stopwatch.StartNew();
        while ((await supervisor.GetFromJsonAsync<StaleFlag>(new Uri(caseflow, $"/api/queues/releases?position={position}&limit=1")))!.Stale)
        {
        }

        Console.WriteLine($"the queue projection passed position {position} {catchingUp.Elapsed.TotalSeconds:0.0} s after the last write");
        await using var database = NpgsqlDataSource.Create(options["connection"]);
        var random = new Random(7);
        Console.WriteLine("| read | rate/s | requests | p50 ms | p99 ms | max ms | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var queue in new[] { "review", "releases", "detainers" })
        {
            await Report($"GET /api/queues/{queue} first page", 200, seconds, () => Get(supervisor, new Uri(caseflow, $"/api/queues/{queue}?limit=50")));
            await Report($"SQL {queue} first page", 200, seconds, () => QueuePage(database, $"{queue.TrimEnd('s')}_at"));
        }

        await Report("GET /api/cases/{id}", 1000, seconds, () => Get(supervisor, new Uri(caseflow, $"/api/cases/{caseIds[random.Next(caseIds.Count)]}")));
        await Report("SQL case summary document", 1000, seconds, () => Summary(database, caseIds[random.Next(caseIds.Count)]));

        catchingUp.Restart();
        while ((await analyst.GetFromJsonAsync<StaleFlag>(new Uri(caseflow, $"/api/statistics/jurisdictions/{Ori}?position={position}")))!.Stale)
        {
        }

        Console.WriteLine($"the statistics projection passed position {position} {catchingUp.Elapsed.TotalSeconds:0.0} s after the queues");
        var mix = StatisticsMix(DateTimeOffset.UtcNow);
        var next = 0;
        await Report($"GET /api/statistics mix ({mix.Length} requests: agency, state, field office, national; FY and month)", 100, seconds,
            () => Get(analyst, new Uri(caseflow, mix[Interlocked.Increment(ref next) % mix.Length])));
        return 0;
    }

    /// <summary>The fixed statistics mix: the corpus's agency, its state and field office, and the nation, each for the current fiscal year and month.</summary>
    private static string[] StatisticsMix(DateTimeOffset now)
    {
        var month = now.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var fy = now.Month >= 10 ? now.Year + 1 : now.Year;
        return [.. new[] { $"jurisdictions/{Ori}", "states/TX", "field-offices/HOU", "national" }
            .SelectMany(scope => new[] { $"/api/statistics/{scope}?fy={fy}", $"/api/statistics/{scope}?month={month}" })];
    }

    private sealed record StaleFlag(bool Stale);

    private sealed record BatchAnswer(List<BatchItem> Results);

    private sealed record BatchItem(string Status, Guid? CaseId, long? Position);

    private static HttpClient Client(string token)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<(List<Guid> CaseIds, long Position)> BuildCorpus(HttpClient jail, Uri caseflow, int cases)
    {
        var now = DateTimeOffset.UtcNow;
        var caseIds = new List<Guid>();
        long position = 0;
        foreach (var chunk in Enumerable.Range(0, cases).Chunk(BatchSize / 2))
        {
            var events = chunk.SelectMany(i =>
            {
                var number = $"READ-{Guid.NewGuid():N}"[..24];
                var caseId = Domain.Cases.CaseId.For(Ori, number);
                caseIds.Add(caseId);
                return new object[]
                {
                    new
                    {
                        eventId = Guid.NewGuid(), occurredAt = Instant(now.AddMinutes(-30)),
                        data = new
                        {
                            model = "JEM", bookingNumber = number, bookedAt = Instant(now.AddHours(-1)),
                            charges = new[] { new { code = "TX PC 49.04", description = "DWI", level = "Misdemeanor" } },
                            subject = new { name = new { given = "Bench", family = "Subject" }, dateOfBirth = "1990-01-01" },
                        },
                    },
                    new
                    {
                        eventId = Guid.NewGuid(), type = "ScheduledReleaseSet", caseId, occurredAt = Instant(now.AddMinutes(-20)),
                        data = new { at = Instant(now.AddMinutes(60 + i % (60 * 24 * 7))), reason = "sentence served" },
                    },
                };
            });
            using var response = await jail.PostAsJsonAsync(new Uri(caseflow, "/api/events/batch"), new { events });
            var answer = (await response.Content.ReadFromJsonAsync<BatchAnswer>())!;
            if (answer.Results.Any(r => r.Status != "applied"))
                throw new InvalidOperationException($"a batch item was not applied: {answer.Results.First(r => r.Status != "applied")}");
            position = Math.Max(position, answer.Results.Max(r => r.Position ?? 0));
        }

        return (caseIds, position);
    }

    private static async Task Get(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task QueuePage(NpgsqlDataSource database, string column)
    {
        await using var command = database.CreateCommand(
            $"select data from caseflow.mt_doc_casequeuerow d where d.{column} is not null and d.field_office_code = $1 order by d.{column}, d.id limit 51");
        command.Parameters.AddWithValue("HOU");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            reader.GetString(0);
    }

    private static async Task Summary(NpgsqlDataSource database, Guid caseId)
    {
        await using var command = database.CreateCommand("select data from caseflow.mt_doc_casefile where id = $1");
        command.Parameters.AddWithValue(caseId);
        await command.ExecuteScalarAsync();
    }

    /// <summary>Sends <paramref name="rate"/> requests a second for <paramref name="seconds"/> s, each at its intended instant whatever came before.</summary>
    private static async Task Report(string name, int rate, int seconds, Func<Task> request)
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
        var sorted = latencies.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {rate} | {total} | {sorted[sorted.Count / 2]:0.0} | {sorted[(int)(sorted.Count * 0.99)]:0.0} | {sorted[^1]:0.0} | {errors} |"));
    }

    private static string Instant(DateTimeOffset value) => value.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
