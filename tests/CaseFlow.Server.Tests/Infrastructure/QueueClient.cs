using Alba;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Reading the supervisors' queues over HTTP.</summary>
public static class QueueClient
{
    public static async Task<QueuePage<T>> Queue<T>(this IAlbaHost host, string token, string queue, string query = "") =>
        await (await host.GetAs(token, $"/api/queues/{queue}?{query}")).ReadAsJsonAsync<QueuePage<T>>();

    /// <summary>The global position a write answered.</summary>
    public static async Task<long> Position(this Task<IScenarioResult> write) => (await (await write).ReadAsJsonAsync<AppendResult>()).Position;
}
