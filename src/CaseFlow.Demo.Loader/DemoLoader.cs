using Alba;
using CaseFlow.Demo.Plan;
using CaseFlow.Server.Operations;
using CaseFlow.Server.Platform;
using CaseFlow.Server.ReferenceData;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Demo.Loader;

/// <summary>What a load did: the database's state before it, why, and what it wrote.</summary>
public sealed record LoadResult(DemoDatabaseState Before, string Why, long Writes, long Events, int DeadlinesDelivered);

/// <summary>
/// Loads a demo year into a database: CaseFlow's host in process with the <see cref="SimulatedClock"/> in place of
/// the system clock and <see cref="DeadlineDelivery"/> in place of Wolverine's scheduling, the database checked and
/// marked (<see cref="DemoDatabase"/>), then the plan's writes run by <see cref="DemoLoad"/>.
/// </summary>
public static class DemoLoader
{
    /// <summary>The day before the year: when CaseFlow's agreement seed is stored, before the plan's first write.</summary>
    public static readonly DateTimeOffset Start = new(DemoSettings.FirstDay.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <param name="watch">Runs beside the load (a progress display) until the load's task completes.</param>
    public static async Task<LoadResult> Load(string connectionString, IDemoPlan plan, DemoSettings settings, int writers,
        Action<IWebHostBuilder>? configure = null, Func<DemoLoad, IDocumentStore, Task, Task>? watch = null, CancellationToken ct = default)
    {
        var clock = new SimulatedClock(Start);
        var deadlines = new DeadlineDelivery(clock);
        await using var host = await InProcessHost.Start(connectionString, runProjections: false, x =>
        {
            x.ConfigureServices(s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<MessageScheduler>(deadlines);
            });
            configure?.Invoke(x);
        });
        var store = host.DocumentStore();
        var mark = new DemoMark(settings.Seed, settings.Scale, PlanVersion(plan), Complete: false);
        var (state, why) = await DemoDatabase.Inspect(store, mark, ct);
        if (state != DemoDatabaseState.Empty)
            return new LoadResult(state, why, 0, 0, 0);

        await DemoDatabase.Mark(store, mark, ct);
        var key = Convert.FromBase64String(host.Services.GetRequiredService<IConfiguration>()["Auth:DevelopmentKey"]
            ?? throw new InvalidOperationException("Auth:DevelopmentKey is not set: the loader signs its senders' tokens with it."));
        var load = new DemoLoad(clock, deadlines, new DemoDispatch(host.Server.CreateClient(), key), host.Services, writers);
        var agreements = AgreementCatalog.Load().OrderBy(a => a.Ori, StringComparer.Ordinal).ThenBy(a => a.Model).ToList();
        var running = load.Run(plan.Writes(settings, agreements), ct);
        if (watch is not null)
            await watch(load, store, running);
        await running;
        await DemoDatabase.Mark(store, mark with { Complete = true }, ct);
        return new LoadResult(state, why, load.Sent, await EventsWritten(store, ct), deadlines.Delivered);
    }

    /// <summary>The events stored besides CaseFlow's agreement seed.</summary>
    public static async Task<long> EventsWritten(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return (await session.AdvancedSql.QueryAsync<long>(
            $"select count(*) from {PersistenceSetup.SchemaName}.mt_events where type <> '{nameof(CaseFlow.Domain.Agreements.AgreementSigned)}'", ct))[0];
    }

    /// <summary>The plan's build: a changed plan is another year.</summary>
    public static string PlanVersion(IDemoPlan plan) => plan.GetType().Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
}
