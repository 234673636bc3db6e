using System.Diagnostics;
using System.Globalization;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Npgsql;

namespace CaseFlow.Bench;

/// <summary>
/// Rebuild speed: on a copy of a corpus (no CaseFlow node runs, so no other daemon), the daemon's rebuild of each
/// chosen projection of CaseFlow's (registered as the node registers them) beside its rebuild of a trivial
/// single-stream projection (a per-case event count) over the same events, in the same store, each round the trivial
/// one first; rates are the store's events over the rebuild's wall time. Each kind is judged against an absolute
/// target and against half the trivial projection's rate of its round.
/// </summary>
public static class RebuildLoad
{
    private const string TrivialName = "BenchEventCount";
    private const double TargetEventsPerSecond = 30_000;
    private const double TargetShareOfTrivial = 0.5;

    public static async Task<int> Run(string[] args)
    {
        var options = args.Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
        var rounds = int.Parse(options.GetValueOrDefault("rounds", "2"), CultureInfo.InvariantCulture);
        await using var store = DocumentStore.For(opts =>
        {
            // As the projections command connects and pages (StoreRole.Rebuild): an operator's rebuild is what is measured.
            opts.Connection(PersistenceSetup.StoreConnectionString(options["connection"], new IntakeOptions(), StoreRole.Rebuild));
            PersistenceSetup.ConfigureEventStore(opts);
            PersistenceSetup.ConfigureProjections(opts, RefresherPolicy.Default, withAsync: true, StoreRole.Rebuild);
            opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            opts.Projections.Add(new EventCountProjection(), ProjectionLifecycle.Async);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var kinds = Kinds(store, options.GetValueOrDefault("projections", CaseReadModels.Name));
        var (events, streams) = await Corpus(options["connection"]);
        Console.WriteLine($"events: {events} in {streams} streams; kinds: {string.Join(", ", kinds)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| round | projection | seconds | events/s | share of trivial | verdict (≥ {TargetEventsPerSecond:#,0} events/s and ≥ {TargetShareOfTrivial:0.0} of trivial) |"));
        Console.WriteLine("|---|---|---|---|---|---|");
        using var daemon = await store.BuildProjectionDaemonAsync();
        var misses = 0;
        for (var round = 1; round <= rounds; round++)
        {
            var trivial = await Rebuild(daemon, TrivialName);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | {TrivialName} (trivial) | {trivial.TotalSeconds:0.00} | {events / trivial.TotalSeconds:0} | 1.00 | |"));
            var all = TimeSpan.Zero;
            foreach (var kind in kinds)
            {
                var took = await Rebuild(daemon, kind);
                all += took;
                var (verdict, missed) = Verdict(events / took.TotalSeconds, events / trivial.TotalSeconds);
                misses += missed ? 1 : 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {round} | {kind} | {took.TotalSeconds:0.00} | {events / took.TotalSeconds:0} | {trivial / took:0.00} | {verdict} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | all {kinds.Count} kinds, one after another | **{all.TotalSeconds:0.00}** | {events * kinds.Count / all.TotalSeconds:0} | | |"));
        }

        Console.WriteLine($"rebuild: {misses} kind-rounds missed a target");
        return 0;
    }

    /// <summary>PASS, or MISS with each target it falls short of and by how much.</summary>
    private static (string Text, bool Missed) Verdict(double rate, double trivialRate)
    {
        var gaps = new List<string>();
        if (rate < TargetEventsPerSecond)
            gaps.Add(string.Create(CultureInfo.InvariantCulture, $"{TargetEventsPerSecond - rate:#,0} events/s under {TargetEventsPerSecond:#,0} (×{TargetEventsPerSecond / rate:0.0})"));
        if (rate < TargetShareOfTrivial * trivialRate)
            gaps.Add(string.Create(CultureInfo.InvariantCulture, $"{rate / trivialRate:0.00} of trivial, under {TargetShareOfTrivial:0.0}"));
        return gaps.Count == 0 ? ("PASS", false) : ("MISS: " + string.Join("; ", gaps), true);
    }

    /// <summary>"all": every projection the node registers, in registration order; otherwise the names given.</summary>
    private static List<string> Kinds(DocumentStore store, string chosen)
    {
        var registered = store.Options.Projections.All.Select(p => p.Name).Where(n => n != TrivialName).ToList();
        if (chosen == "all")
            return registered;
        var named = chosen.Split(',').ToList();
        var unknown = named.Except(registered).ToList();
        return unknown.Count == 0 ? named : throw new ArgumentException($"no projection named {string.Join(", ", unknown)}; registered: {string.Join(", ", registered)}");
    }

    private static async Task<TimeSpan> Rebuild(IProjectionDaemon daemon, string name)
    {
        var clock = Stopwatch.StartNew();
        await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(60), CancellationToken.None);
        return clock.Elapsed;
    }

    private static async Task<(long Events, long Streams)> Corpus(string connection)
    {
        await using var database = NpgsqlDataSource.Create(connection);
        await using var command = database.CreateCommand($"select (select count(*) from {PersistenceSetup.SchemaName}.mt_events), (select count(*) from {PersistenceSetup.SchemaName}.mt_streams)");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public sealed record EventCount(Guid Id, int Count);

    /// <summary>The trivial projection: one document per stream counting its events, nothing derived.</summary>
    private sealed class EventCountProjection : SingleStreamProjection<EventCount, Guid>
    {
        public EventCountProjection() => Name = TrivialName;

        public override EventCount Evolve(EventCount? snapshot, Guid id, IEvent e) => new(id, (snapshot?.Count ?? 0) + 1);
    }
}
