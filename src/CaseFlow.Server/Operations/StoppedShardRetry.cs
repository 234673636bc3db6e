using JasperFx;
using JasperFx.Events.Daemon;
using IProjectionCoordinator = Marten.Events.Daemon.Coordination.IProjectionCoordinator;

namespace CaseFlow.Server.Operations;

/// <summary>
/// Starts again, with back-off, every projection shard this node runs that stopped at an event it could not apply. A
/// stopped shard never skips the event: started again, it resumes from that very event, so once the cause is fixed
/// (a constraint, a full disk, a bad row) it goes on by itself; until then each try fails on the same event and it
/// stops there again. Marten's daemon and Wolverine restart by themselves only failures they judge transient.
/// </summary>
public sealed class StoppedShardRetry(IProjectionCoordinator coordinator, ILogger<StoppedShardRetry> log) : BackgroundService
{
    /// <summary>How often this node looks for stopped shards; also the first wait before a try.</summary>
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two tries of one shard: every failed try doubles the wait up to it.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, (DateTimeOffset Next, TimeSpan Wait)> _tries = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FirstWait);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RetryStopped(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Stopped projection shards could not be looked at: {Error}", e.GetType().Name);
            }
        }
    }

    private async Task RetryStopped(CancellationToken ct)
    {
        IProjectionDaemon daemon;
        try
        {
            daemon = coordinator.DaemonForMainDatabase();
        }
        catch (NotSupportedException)
        {
            return; // this node runs no shard: the nodes that do retry theirs
        }

        var now = DateTimeOffset.UtcNow;
        var stopped = daemon.CurrentAgents().Where(a => a.Status == AgentStatus.Paused).Select(a => a.Name.Identity).ToHashSet();
        foreach (var running in _tries.Keys.Where(shard => !stopped.Contains(shard)).ToList())
            _tries.Remove(running);
        foreach (var shard in stopped)
        {
            var (next, wait) = _tries.TryGetValue(shard, out var tried) ? tried : (now + FirstWait, FirstWait);
            if (now >= next)
            {
                log.LogWarning("Projection shard {Shard} stopped at an event it could not apply: starting it again from that event", shard);
                await daemon.StartAgentAsync(shard, ct);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
                next = now + wait;
            }

            _tries[shard] = (next, wait);
        }
    }
}
