using Wolverine;

namespace CaseFlow.Server.Platform;

/// <summary>
/// How fast the other nodes take over what a dead node (<c>kill -9</c>, a lost host) held: its projection shards and
/// the scheduled deadlines it owned. Wolverine's defaults judge a node dead only after a minute without a heartbeat,
/// which left the feed standing still for most of that minute after a crashed node was restarted (its new process is a
/// new node; the old one still held the shards). docs/operations.md states the bound these values give.
/// </summary>
public static class ClusterTakeover
{
    /// <summary>Every node writes its heartbeat, and the leader looks at the others', this often.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);

    /// <summary>A node whose heartbeat is this old is dead: five missed beats, so a GC pause or a slow query is not a death.</summary>
    public static readonly TimeSpan DeadAfter = TimeSpan.FromSeconds(10);

    public static void Configure(DurabilitySettings durability)
    {
        durability.HealthCheckPollingTime = Heartbeat;
        durability.FirstHealthCheckExecution = TimeSpan.FromSeconds(1);
        durability.StaleNodeTimeout = DeadAfter;
        // The sweep that releases a removed node's messages to the living, and the scheduled-message poll.
        durability.OrphanedMessageSweepPollingTime = Heartbeat;
        durability.NodeReassignmentPollingTime = Heartbeat;
        durability.CheckAssignmentPeriod = TimeSpan.FromSeconds(10);
    }
}
