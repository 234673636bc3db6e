using Alba;
using CaseFlow.Server.Feed;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Statistics;
using Marten;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Waiting on the projection daemon's own signal for the one shard a test reads, up to the test's own events.</summary>
public static class ProjectionWaits
{
    /// <summary>A guard against a daemon that never gets there, not a pace: the wait ends when the shard does.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    /// <summary>Until the feed shard of <paramref name="host"/>'s daemon has applied every event of the given cases.</summary>
    public static Task FeedHasApplied(this IAlbaHost host, params Guid[] caseIds) => host.ShardHasApplied(FeedProjection.Name, caseIds);

    /// <summary>Until the queue shard of <paramref name="host"/>'s daemon has applied every event of the given cases.</summary>
    public static Task QueuesHaveApplied(this IAlbaHost host, params Guid[] caseIds) => host.ShardHasApplied(CaseQueueProjection.ProjectionName, caseIds);

    /// <summary>Until the statistics shard of <paramref name="host"/>'s daemon has applied every event of the given cases.</summary>
    public static Task StatisticsHaveApplied(this IAlbaHost host, params Guid[] caseIds) => host.ShardHasApplied(CaseStatisticsProjection.ProjectionName, caseIds);

    private static async Task ShardHasApplied(this IAlbaHost host, string projection, Guid[] caseIds)
    {
        var store = host.DocumentStore();
        long last = 0;
        await using (var session = store.QuerySession())
        {
            foreach (var caseId in caseIds)
                last = Math.Max(last, (await session.Events.FetchStreamAsync(caseId, token: TestContext.Current.CancellationToken)).Max(e => e.Sequence));
        }

        await store.Storage.Database.Tracker.WaitForShardCondition(
            state => state.ShardName.StartsWith($"{projection}:", StringComparison.Ordinal) && state.Sequence >= last,
            $"{projection} at event {last}", Guard);
    }
}
