using System.Diagnostics;
using System.Globalization;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Statistics;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Npgsql;

namespace CaseFlow.Bench;

/// <summary>
/// Rebuild speed: on a copy of the benchmark corpus (no CaseFlow node runs, so no other daemon), the daemon's rebuild
/// of the statistics projection beside its rebuild of a trivial single-stream projection (a per-case event count) over
/// the same events, alternating, in events/s.
/// </summary>
public static class RebuildLoad
{
    private const string TrivialName = "BenchEventCount";

    public static async Task<int> Run(string[] args)
    {
        var options = args.Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
        var rounds = int.Parse(options.GetValueOrDefault("rounds", "2"), CultureInfo.InvariantCulture);
        await using var store = DocumentStore.For(opts =>
        {
            opts.Connection(options["connection"]);
            PersistenceSetup.ConfigureEventStore(opts);
            opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            opts.Projections.Add(new CaseStatisticsProjection(), ProjectionLifecycle.Async);
            opts.Projections.Add(new EventCountProjection(), ProjectionLifecycle.Async);
            CaseStatisticsProjection.Configure(opts);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var (events, streams) = await Corpus(options["connection"]);
        Console.WriteLine($"events: {events} in {streams} streams");
        Console.WriteLine("| round | projection | seconds | events/s |");
        Console.WriteLine("|---|---|---|---|");
        using var daemon = await store.BuildProjectionDaemonAsync();
        for (var round = 1; round <= rounds; round++)
        {
            var trivial = await Rebuild(daemon, TrivialName, events, round);
            var statistics = await Rebuild(daemon, CaseStatisticsProjection.ProjectionName, events, round);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | ratio statistics / trivial | | **{statistics / trivial:0.00}** |"));
        }

        return 0;
    }

    private static async Task<double> Rebuild(IProjectionDaemon daemon, string name, long events, int round)
    {
        var clock = Stopwatch.StartNew();
        await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), CancellationToken.None);
        var rate = events / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | {name} | {clock.Elapsed.TotalSeconds:0.00} | {rate:0} |"));
        return rate;
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
