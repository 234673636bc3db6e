using System.Diagnostics;
using System.Globalization;
using Alba;
using CaseFlow.Demo.Loader;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.ReferenceData;
using Marten;
using Marten.Events;

namespace CaseFlow.Corpus;

/// <summary>
/// Builds the benchmark corpus: <c>cases</c> cases spread round-robin over every seeded JEM and WSO agreement, each
/// JEM agency with one designated officer, every case written by <see cref="CaseWrites"/> along its
/// <see cref="CaseMix"/> path by <c>writers</c> concurrent writers (as many jails sending at once), a progress line
/// every <c>progress</c> cases; then waits until the asynchronous projections (queues, feed) have caught up, so a
/// copy of the database is complete the moment it is made. With <c>from</c> N it grows a copy of the corpus of N
/// cases: the officers are there already, and the cases N onwards are written (each case's number, path and steps
/// follow from its index alone, its instants from the build's start, so a grown corpus holds the cases a corpus built
/// at once would, only written later).
/// </summary>
public static class CorpusBuilder
{
    public const string Badge = "CORPUS-1";

    public static async Task<int> Run(IReadOnlyDictionary<string, string> options)
    {
        var cases = int.Parse(options.GetValueOrDefault("cases", "100000"), CultureInfo.InvariantCulture);
        var writers = int.Parse(options.GetValueOrDefault("writers", "8"), CultureInfo.InvariantCulture);
        var progress = int.Parse(options.GetValueOrDefault("progress", "1000"), CultureInfo.InvariantCulture);
        var from = int.Parse(options.GetValueOrDefault("from", "0"), CultureInfo.InvariantCulture);
        await using var host = await InProcessHost.Start(options["connection"], runProjections: true);
        var writes = new CaseWrites(host.Services);
        var agreements = AgreementCatalog.Load().OrderBy(a => a.Ori, StringComparer.Ordinal).ThenBy(a => a.Model).ToList();
        var now = DateTimeOffset.UtcNow;
        var ct = CancellationToken.None;

        var clock = Stopwatch.StartNew();
        if (from == 0)
        {
            await Parallel.ForEachAsync(agreements.Where(a => a.Model == ProgramModel.JEM), new ParallelOptions { MaxDegreeOfParallelism = writers },
                async (agreement, token) => await writes.Officer(agreement, Badge, now.AddDays(-30), token));
            Console.WriteLine($"corpus: {agreements.Count} agreements ({agreements.Count(a => a.Model == ProgramModel.JEM)} JEM, each with a designated officer) in {clock.Elapsed.TotalSeconds:0} s");
        }
        else
            Console.WriteLine($"corpus: growing the corpus of {from} cases to {cases}");

        clock.Restart();
        long events = 0;
        var done = 0;
        var lap = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(from, cases - from), new ParallelOptions { MaxDegreeOfParallelism = writers }, async (index, token) =>
        {
            var agreement = agreements[index % agreements.Count];
            var written = await new CaseSteps(writes, agreement, Badge, now, token).Write(index, CaseMix.For(index, agreement));
            Interlocked.Add(ref events, written);
            if (Interlocked.Increment(ref done) is var count && count % progress == 0)
            {
                lock (lap)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"corpus: {from + count} / {cases} cases, {Interlocked.Read(ref events)} case events, {clock.Elapsed.TotalSeconds:0} s, {count / clock.Elapsed.TotalSeconds:0} cases/s overall, {progress / lap.Elapsed.TotalSeconds:0} cases/s lately"));
                    lap.Restart();
                }
            }
        });
        Console.WriteLine($"corpus: {cases - from} cases, {events} case events written in {clock.Elapsed.TotalSeconds:0} s");

        clock.Restart();
        await host.DocumentStore().WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(30));
        Console.WriteLine($"corpus: asynchronous projections caught up {clock.Elapsed.TotalSeconds:0} s later");
        return 0;
    }
}
