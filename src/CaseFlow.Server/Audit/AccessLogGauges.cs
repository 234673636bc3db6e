using CaseFlow.Server.Operations;

namespace CaseFlow.Server.Audit;

/// <summary>
/// The access log's backlog as gauges: <c>caseflow.access_log.queued</c> (records not stored yet) and
/// <c>caseflow.access_log.oldest.age</c> (how long the oldest of them has waited; 0 when none). Records wait only
/// while the writer is behind or cannot write (it keeps them and retries), so a growing age is a log that cannot be written.
/// </summary>
public sealed class AccessLogGauges
{
    public AccessLogGauges(AccessLog log, TimeProvider clock, CaseFlowMetrics metrics)
    {
        metrics.Meter.CreateObservableGauge("caseflow.access_log.queued", () => (long)log.Waiting.Count, "{record}",
            "Access records queued or being stored, not stored yet");
        metrics.Meter.CreateObservableGauge("caseflow.access_log.oldest.age", () =>
                log.Waiting.Oldest is { } oldest ? Math.Max(0, (clock.GetUtcNow() - oldest).TotalSeconds) : 0, "s",
            "How long the oldest access record not stored yet has waited (0 when none waits)");
    }
}
