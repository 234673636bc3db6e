using System.Globalization;
using System.Net.Http.Json;
using CaseFlow.Demo.Loader;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Corpus;

/// <summary>
/// Queue and summary reads on a copy of the corpus at a fixed request rate (<see cref="OpenLoop"/>), each over HTTP from
/// the served CaseFlow and beside it the same query issued through Marten in this process, in the same run: for a queue
/// <see cref="QueueReader.Page"/> or <see cref="DeadlineQueue.Fetch"/> (the endpoint's own query) for the supervisor's field office, for the summary the
/// endpoint's two document loads.
/// </summary>
public static class ReadBenchmark
{
    private const int SampledCases = 10_000;
    private const int QueueRate = 200;
    private const int SummaryRate = 1000;

    private const int DefaultPage = 50;

    private static readonly (string Path, string Column, Func<QueueMoment, DateTimeOffset?> Until)[] Queues =
    [
        ("review", SupervisorQueues.Review.Column, SupervisorQueues.Review.Until),
        ("detainers", SupervisorQueues.Detainers.Column, SupervisorQueues.Detainers.Until),
        ("releases", SupervisorQueues.Releases(SupervisorQueues.DefaultReleaseWindow).Column, SupervisorQueues.Releases(SupervisorQueues.DefaultReleaseWindow).Until),
        ("deadlines", SupervisorQueues.Deadlines.Column, SupervisorQueues.Deadlines.Until),
        ("citizenship-claims", SupervisorQueues.Claims.Column, SupervisorQueues.Claims.Until),
    ];

    public static async Task<int> Run(IReadOnlyDictionary<string, string> options)
    {
        var caseflow = new Uri(options["caseflow"]);
        var fieldOffice = options["field-office"];
        var seconds = int.Parse(options.GetValueOrDefault("seconds", "20"), CultureInfo.InvariantCulture);
        var coldSeconds = int.Parse(options.GetValueOrDefault("cold-seconds", "5"), CultureInfo.InvariantCulture);
        var cpu = new ProcessCpu(int.Parse(options["caseflow-pid"], CultureInfo.InvariantCulture), int.Parse(options["postmaster-pid"], CultureInfo.InvariantCulture));
        var waits = new WaitSampler(options["connection"]);
        // The same queries through Marten in this process, beside CaseFlow's: a reference on a small store, but at size
        // an overloaded driver takes PostgreSQL's connections and the machine from the node measured next.
        var baseline = bool.Parse(options.GetValueOrDefault("baseline", "true"));
        using var http = OpenLoop.Client(options["supervisor"]);
        await using var host = await InProcessHost.Start(options["connection"], runProjections: false);
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var supervisor = CaseWrites.Supervisor(fieldOffice);
        var scope = CallerScope.From(supervisor);
        var pages = QueuePages(options.GetValueOrDefault("queue-pages", ""));

        List<Guid> caseIds;
        await using (var session = store.QuerySession())
            caseIds = [.. await session.Query<CaseFile>().Where(c => c.FieldOfficeCode == fieldOffice).Select(c => c.Id).Take(SampledCases).ToListAsync()];
        Console.WriteLine($"reads: field office {fieldOffice}, {caseIds.Count} of its cases sampled for the summary");
        var random = new Random(7);
        using var analyst = OpenLoop.Client(options["analyst"]);
        var agreement = CaseFlow.Server.ReferenceData.AgreementCatalog.Load().First(a => a.FieldOfficeCode == fieldOffice);
        await StatisticsCaughtUp(analyst, caseflow, store, agreement);

        var reads = new List<OpenLoop.Read>();
        foreach (var (path, column, until) in Queues)
        {
            var limit = pages.GetValueOrDefault(path, DefaultPage);
            var page = QueueQuery.Read(new QueueFilter(Limit: limit.ToString(CultureInfo.InvariantCulture)), new FieldErrors())!;
            var items = await FirstPageSize(store, path, column, page, scope, until);
            reads.Add(new($"GET /api/queues/{path}", QueueRate, items, () => OpenLoop.Get(http, new Uri(caseflow, $"/api/queues/{path}?limit={limit}"))));
            if (baseline)
            {
                reads.Add(new($"Marten {Fetch(path)}", QueueRate, items, async () =>
                {
                    await using var session = store.QuerySession();
                    await Page(session, path, column, page, scope, until);
                }));
            }
        }

        reads.Add(new("GET /api/cases/{id}", SummaryRate, null, () => OpenLoop.Get(http, new Uri(caseflow, $"/api/cases/{caseIds[random.Next(caseIds.Count)]}"))));
        if (baseline)
        {
            reads.Add(new("Marten CaseFile with its Agreement", SummaryRate, null, async () =>
            {
                await using var session = store.QuerySession();
                await CaseLookup.VisibleWithAgreement(session, caseIds[random.Next(caseIds.Count)], supervisor, CancellationToken.None);
            }));
        }

        // The month read: a store whose cases are of another year (a demo year's) is read in its own month.
        var month = options.TryGetValue("month", out var given) ? DateOnly.ParseExact(given + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
        reads.Add(Statistics(analyst, caseflow, agreement, month ?? DateOnly.FromDateTime(DateTime.UtcNow)));
        reads.AddRange(await ReportReads.Release(analyst, options["admin"], caseflow, month));

        // A node just started serves its first requests with code the JIT has not yet optimised and pools still
        // filling: that pass is printed apart, and the measured pass follows it on the node it warmed.
        Console.WriteLine($"The node just started: every read for {coldSeconds} s, measured from its first request");
        Console.WriteLine(OpenLoop.Header);
        foreach (var read in reads)
            await OpenLoop.Report(read, coldSeconds, cpu, waits, prefix: "(cold) ");
        Console.WriteLine($"Warm: every read again for {seconds} s");
        Console.WriteLine(OpenLoop.Header);
        foreach (var read in reads)
            await OpenLoop.Report(read, seconds, cpu, waits);
        return 0;
    }

    private sealed record StaleFlag(bool Stale);

    /// <summary>
    /// Waits until the statistics projection has passed the last stored event: a copy of a template whose statistics
    /// are older catches up after the node starts, and that catch-up would share the cores with every read measured.
    /// </summary>
    private static async Task StatisticsCaughtUp(HttpClient analyst, Uri caseflow, IDocumentStore store, AgreementSigned agreement)
    {
        var head = (await store.Advanced.FetchEventStoreStatistics()).EventSequenceNumber;
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while ((await analyst.GetFromJsonAsync<StaleFlag>(new Uri(caseflow, $"/api/statistics/jurisdictions/{agreement.Ori}?position={head}")))!.Stale)
            await Task.Delay(TimeSpan.FromMilliseconds(500)); // a poll, not a measurement: leave the cores to the catch-up

        Console.WriteLine($"reads: the statistics projection passed event {head} after {waiting.Elapsed.TotalSeconds:0} s of waiting; every read below is measured after it");
    }

    /// <summary>
    /// A fixed mix: an agency of the field office, its state, the office and the nation, each for <paramref name="read"/>'s
    /// fiscal year and month, at 100 requests/s.
    /// </summary>
    private static OpenLoop.Read Statistics(HttpClient analyst, Uri caseflow, AgreementSigned agreement, DateOnly read)
    {
        var month = read.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var fy = read.Month >= 10 ? read.Year + 1 : read.Year;
        string[] mix = [.. new[] { $"jurisdictions/{agreement.Ori}", $"states/{agreement.StateCode}", $"field-offices/{agreement.FieldOfficeCode}", "national" }
            .SelectMany(scope => new[] { $"/api/statistics/{scope}?fy={fy}", $"/api/statistics/{scope}?month={month}" })];
        var next = 0;
        return new($"GET /api/statistics mix ({mix.Length} requests: agency, state, field office, national; FY and month)", 100, null,
            () => OpenLoop.Get(analyst, new Uri(caseflow, mix[Interlocked.Increment(ref next) % mix.Length])));
    }

    /// <summary>
    /// The page size each queue is read with, from <c>--queue-pages review=3,deadlines=10</c>; a queue not named reads
    /// pages of 50. <c>ops/bench/growth</c> reads the large store with the pages the small one filled.
    /// </summary>
    private static Dictionary<string, int> QueuePages(string spec) =>
        spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(
                pair => Queues.Any(q => q.Path == pair[0]) ? pair[0] : throw new ArgumentException($"--queue-pages: no queue '{pair[0]}'"),
                pair => int.Parse(pair[1], CultureInfo.InvariantCulture) is var limit and >= 1 and <= DefaultPage
                    ? limit
                    : throw new ArgumentException($"--queue-pages: {pair[0]}'s page must be 1 to {DefaultPage}"));

    private static async Task<int> FirstPageSize(IDocumentStore store, string path, string column, QueueQuery page, CallerScope scope, Func<QueueMoment, DateTimeOffset?> until)
    {
        await using var session = store.QuerySession();
        return Math.Min(page.Limit, await Page(session, path, column, page, scope, until));
    }

    private static string Fetch(string path) => path == "deadlines" ? "DeadlineQueue.Fetch (cases and complaints)" : "QueueReader.Views";

    /// <summary>The endpoint's own query for the queue's page: how many rows (up to limit + 1) it read.</summary>
    private static async Task<int> Page(IQuerySession session, string path, string column, QueueQuery page, CallerScope scope, Func<QueueMoment, DateTimeOffset?> until)
    {
        var moment = new QueueMoment(DateTimeOffset.UtcNow, TimeSpan.Zero);
        return path == "deadlines"
            ? (await DeadlineQueue.Fetch(session, page, scope, moment, CancellationToken.None)).Count
            : (await QueueReader.Views(session, column, page, scope, until(moment), CancellationToken.None)).Count;
    }
}
