using CaseFlow.Server.Queues;
using JasperFx.Events.Projections;
using Marten;

namespace CaseFlow.Server.Platform;

/// <summary>
/// The case read models the daemon keeps: one asynchronous projection (<see cref="CaseQueueProjection"/>) that folds
/// each case once and stores its row (<see cref="CaseQueueRow"/>) for the queues, the case search and, through the
/// row's facts column and the cells' trigger, the statistics. The daemon runs, pauses and rebuilds it under this name
/// (<c>projections rebuild -p CaseReadModels</c>, shard <c>CaseReadModels:All</c>), whose progress the readers'
/// freshness follows.
/// </summary>
/// <remarks>
/// A rebuild keeps each case's latest row in memory and writes the rows of up to <see cref="RebuildFlushThreshold"/>
/// cases in one transaction (JasperFx's deferred rebuild writes), instead of storing every case a page touches at the
/// end of each page: a case is stored about once, its row is not read back, and the cells' trigger counts each case's
/// facts in once per flush. Until 2026-12-08 the statistics had rows of their own, made in a second stage of a
/// composite projection, which JasperFx does not defer. Measured in docs/benchmarks.md, "One projection for the case
/// read models".
/// </remarks>
public static class CaseReadModels
{
    public const string Name = "CaseReadModels";

    /// <summary>
    /// How many cases' rows a rebuild holds before it writes them: about 5,000 folded cases in memory, and each flush
    /// one transaction (national year: 111,469 cases, so about 25 flushes).
    /// </summary>
    public const int RebuildFlushThreshold = 5_000;

    public static void Register(StoreOptions opts, Action<AsyncOptions> pages) =>
        opts.Projections.Add(new CaseQueueProjection(), ProjectionLifecycle.Async, options =>
        {
            pages(options);
            options.RebuildFlushThreshold = RebuildFlushThreshold;
        });
}
