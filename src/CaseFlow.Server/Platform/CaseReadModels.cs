using CaseFlow.Server.Queues;
using CaseFlow.Server.Statistics;
using JasperFx.Events.Projections;
using Marten;

namespace CaseFlow.Server.Platform;

/// <summary>
/// The case read models the daemon keeps, run as one asynchronous composite projection: the queues' rows
/// (<see cref="CaseQueueProjection"/>, which folds each case) first, then the statistics' rows
/// (<see cref="CaseStatisticsProjection"/>), made from the queue rows the same page stored. Each page of events is read
/// once for both and committed as one transaction, and a case is folded once, not once per read model.
/// </summary>
/// <remarks>
/// The daemon runs, pauses and rebuilds the two together under this name (<c>projections rebuild -p CaseReadModels</c>);
/// each still records how far it has applied under its own (<c>CaseQueues:All</c>, <c>CaseStatistics:All</c>), which
/// the readers' freshness follows. Measured on the national year (docs/benchmarks.md, "One pass for the queues and the
/// statistics").
/// </remarks>
public static class CaseReadModels
{
    public const string Name = "CaseReadModels";

    public static void Register(StoreOptions opts, Action<AsyncOptions> pages) =>
        opts.Projections.CompositeProjectionFor(Name, composite =>
        {
            pages(composite.Options);
            composite.Add(new CaseQueueProjection());
            composite.Add(new CaseStatisticsProjection(), stageNumber: 2);
        });
}
