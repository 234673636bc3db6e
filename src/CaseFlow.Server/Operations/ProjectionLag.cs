using System.Diagnostics.Metrics;

namespace CaseFlow.Server.Operations;

/// <summary>
/// Projection lag as metrics of the <c>CaseFlow</c> meter, per shard: <c>caseflow.projection.lag.events</c> (stored
/// events not yet applied) and <c>caseflow.projection.lag.seconds</c> (age of the oldest of them). Gauges report the
/// latest sample, as does <c>caseflow.projection.stopped</c> (1 while the shard has stopped at an event it cannot apply,
/// else 0); readiness checks and <see cref="ProjectionLagSampler"/> take samples.
/// </summary>
public sealed class ProjectionLag
{
    private readonly ProjectionShards _shards;
    private volatile IReadOnlyList<ShardStatus> _latest = [];

    public ProjectionLag(ProjectionShards shards, CaseFlowMetrics metrics)
    {
        _shards = shards;
        var meter = metrics.Meter;
        meter.CreateObservableGauge("caseflow.projection.lag.events", () => _latest.Select(s => new Measurement<long>(s.Pending, Shard(s))), "{event}",
            "Stored events the projection shard has not applied yet");
        meter.CreateObservableGauge("caseflow.projection.lag.seconds", () => _latest.Select(s => new Measurement<double>(s.LagSeconds, Shard(s))), "s",
            "Age of the oldest stored event the projection shard has not applied yet");
        meter.CreateObservableGauge("caseflow.projection.stopped", () => _latest.Select(s => new Measurement<int>(s.Stopped ? 1 : 0, Shard(s))), "{shard}",
            "1 while the projection shard has stopped at an event it cannot apply (it never skips one), else 0");
    }

    public async Task<IReadOnlyList<ShardStatus>> Sample(CancellationToken ct) => _latest = await _shards.All(ct);

    private static KeyValuePair<string, object?> Shard(ShardStatus status) => new("shard", status.Name);
}

/// <summary>Samples the lag every ten seconds, so the gauges move whether or not readiness is polled.</summary>
public sealed class ProjectionLagSampler(ProjectionLag lag, ILogger<ProjectionLagSampler> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await lag.Sample(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Projection lag could not be sampled: {Error}", e.GetType().Name);
            }
        }
    }
}
