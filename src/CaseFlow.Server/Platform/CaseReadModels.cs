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
/// A rebuild keeps each case's latest row in memory and writes the rows of <see cref="RebuildFlushThreshold"/> cases
/// in one transaction (JasperFx's deferred rebuild writes), instead of storing every case a page touches at the end of
/// each page: on the national year a case is written 1.55 times instead of 1.86. Until migration 0015 the statistics
/// had rows of their own, made by a second stage of a composite projection, whose writes JasperFx does not defer; each
/// case was then written twice per page. Measured in docs/benchmarks.md, "One projection for the case read models".
/// </remarks>
public static class CaseReadModels
{
    public const string Name = "CaseReadModels";

    /// <summary>
    /// How many cases' rows a rebuild holds before it writes them: about 5,000 folded cases in memory, and each flush
    /// one transaction (national year: 26 flushes). Larger windows were no faster: the cells' trigger costs the same
    /// per case written, and 20,000 cases took a rebuild's process to 897 MB.
    /// </summary>
    public const int RebuildFlushThreshold = 5_000;

    public static void Register(StoreOptions opts, Action<AsyncOptions> pages) =>
        opts.Projections.Add(new CaseQueueProjection(), ProjectionLifecycle.Async, options =>
        {
            pages(options);
            options.RebuildFlushThreshold = RebuildFlushThreshold;
        });
}
