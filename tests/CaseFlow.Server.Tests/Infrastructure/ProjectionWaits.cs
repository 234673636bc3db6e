using Alba;
using CaseFlow.Server.Feed;
using CaseFlow.Server.Platform;
using JasperFx.Events.Projections;
using Marten;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Waiting on the projection daemon's own signal for the one shard a test reads, up to the test's own events.</summary>
public static class ProjectionWaits
{
    /// <summary>A guard against a daemon that never gets there, not a pace: the wait ends when the shard does.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    /// <summary>Until the feed shard of <paramref name="host"/>'s daemon has applied every event of the given cases.</summary>
    public static Task FeedHasApplied(this IAlbaHost host, params Guid[] caseIds) => host.ShardHasApplied(FeedProjection.Name, caseIds);

    /// <summary>
    /// Until the shard of <paramref name="host"/>'s daemon that keeps the queues has applied every event of the given
    /// cases: the case read models' (<see cref="CaseReadModels"/>).
    /// </summary>
    public static Task QueuesHaveApplied(this IAlbaHost host, params Guid[] caseIds) => host.ShardHasApplied(CaseReadModels.Name, caseIds);

    /// <summary>Until the shard that keeps the statistics has applied every event of the given cases: the same as the queues'.</summary>
    public static Task StatisticsHaveApplied(this IAlbaHost host, params Guid[] caseIds) => host.QueuesHaveApplied(caseIds);

    /// <summary>Until the daemon's high-water mark has passed every event of the given cases: a checkpoint can then cover them.</summary>
    public static async Task HighWaterMarkHasPassed(this IAlbaHost host, params Guid[] caseIds)
    {
        var last = await LastSequence(host.DocumentStore(), caseIds);
        await host.DocumentStore().Storage.Database.Tracker.WaitForShardCondition(
            state => state.ShardName == ShardState.HighWaterMark && state.Sequence >= last, $"the high-water mark at event {last}", Guard);
    }

    private static async Task<long> LastSequence(IDocumentStore store, Guid[] caseIds)
    {
        long last = 0;
        await using var session = store.QuerySession();
        foreach (var caseId in caseIds)
            last = Math.Max(last, (await session.Events.FetchStreamAsync(caseId, token: TestContext.Current.CancellationToken)).Max(e => e.Sequence));
        return last;
    }

    private static async Task ShardHasApplied(this IAlbaHost host, string projection, Guid[] caseIds)
    {
        var store = host.DocumentStore();
        var last = await LastSequence(store, caseIds);
        await store.Storage.Database.Tracker.WaitForShardCondition(
            state => state.ShardName.StartsWith($"{projection}:", StringComparison.Ordinal) && state.Sequence >= last,
            $"{projection} at event {last}", Guard);
    }
}
