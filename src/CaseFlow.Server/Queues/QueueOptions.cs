using CaseFlow.Domain.Cases;

namespace CaseFlow.Server.Queues;

/// <summary>Queue settings (configuration section <c>Queues</c>).</summary>
public sealed class QueueOptions
{
    /// <summary>How long a supervisor's claim on a review item runs before another supervisor may take it.</summary>
    public TimeSpan ReviewClaimLifetime { get; set; } = ReviewClaims.DefaultLifetime;

    /// <summary>How long a read that names a <c>position</c> waits for the queues to pass it before answering <c>stale: true</c>.</summary>
    public TimeSpan FreshnessWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How far behind (oldest unapplied event) an asynchronous projection may fall before readiness turns Degraded.</summary>
    public TimeSpan LagDegradedAfter { get; set; } = TimeSpan.FromSeconds(30);
}
