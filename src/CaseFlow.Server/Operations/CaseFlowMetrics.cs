using System.Diagnostics;
using System.Diagnostics.Metrics;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Operations;

/// <summary>
/// CaseFlow's own meter, <c>CaseFlow</c>: what the node does (events written, deadlines, the vault, checkpoints), with
/// tags of a few values each (event type, outcome, problem code, operation). Never a case id, an agency, a person:
/// docs/operations.md ("Metrics") lists every instrument. Gauges that read the store live beside their data
/// (<see cref="ProjectionLag"/>, <see cref="StoreGauges"/>, <see cref="CaseFlow.Server.Audit.AccessLogGauges"/>).
/// </summary>
public sealed class CaseFlowMetrics
{
    public const string MeterName = "CaseFlow";

    /// <summary>Bucket bounds of every duration here, in seconds: a millisecond to a minute.</summary>
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    };

    private readonly Counter<long> _appended;
    private readonly Counter<long> _replayed;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _busy;
    private readonly Histogram<double> _appendDuration;
    private readonly Histogram<double> _lockDuration;
    private readonly Counter<long> _deadlinesScheduled;
    private readonly Counter<long> _deadlinesFired;
    private readonly Histogram<double> _deadlineLateness;
    private readonly Counter<long> _vault;
    private readonly Counter<long> _checkpointsSigned;
    private readonly Counter<long> _checkpointsRefused;
    private readonly Counter<long> _verifications;
    private readonly Counter<long> _accessLogFailures;

    public CaseFlowMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _appended = Meter.CreateCounter<long>("caseflow.events.appended", "{event}", "Events stored, CaseFlow's own (a hold) included, by event type");
        _replayed = Meter.CreateCounter<long>("caseflow.events.replayed", "{event}", "Events sent again and answered with the stored original (nothing stored)");
        _refused = Meter.CreateCounter<long>("caseflow.events.refused", "{event}", "Events refused (nothing stored), by problem code");
        _busy = Meter.CreateCounter<long>("caseflow.events.busy", "{event}",
            "Events answered busy (409 with Retry-After): the stream's lock was held longer than Intake:LockWait");
        _appendDuration = Meter.CreateHistogram("caseflow.append.duration", "s",
            "One committed write transaction of the append path: locks, rules, staging and commit of its group of events", advice: Seconds);
        _lockDuration = Meter.CreateHistogram("caseflow.append.lock.duration", "s",
            "Time a write transaction took to lock its streams (and read what its rules need), also when the wait timed out: the wait behind other writers", advice: Seconds);
        _deadlinesScheduled = Meter.CreateCounter<long>("caseflow.deadlines.scheduled", "{deadline}", "Deadlines scheduled with the write that set them, by kind");
        _deadlinesFired = Meter.CreateCounter<long>("caseflow.deadlines.fired", "{deadline}",
            "Deadlines delivered, by outcome: expired (appended), met (nothing was due), repeated (already expired), early (scheduled again)");
        _deadlineLateness = Meter.CreateHistogram("caseflow.deadlines.lateness", "s",
            "How long after its due instant (database clock) a deadline was handled", advice: Seconds);
        _vault = Meter.CreateCounter<long>("caseflow.vault.operations", "{operation}", "Subject vault operations: lock, open, search, rewrap");
        _checkpointsSigned = Meter.CreateCounter<long>("caseflow.checkpoints.signed", "{checkpoint}", "Checkpoints signed by this node");
        _checkpointsRefused = Meter.CreateCounter<long>("caseflow.checkpoints.refused", "{round}",
            "Signing rounds that signed nothing because events of the segment do not verify");
        _verifications = Meter.CreateCounter<long>("caseflow.store.verifications", "{verification}", "Whole-store verifications run, by outcome: intact or findings");
        _accessLogFailures = Meter.CreateCounter<long>("caseflow.access_log.write_failures", "{attempt}",
            "Attempts to store queued access records that failed (the records are kept and tried again)");
    }

    public Meter Meter { get; }

    /// <summary>How a write of <paramref name="eventType"/> ended.</summary>
    public void Written(string eventType, WriteOutcome outcome)
    {
        switch (outcome)
        {
            case WriteOutcome.Appended(var result, _):
                _appended.Add(1, new KeyValuePair<string, object?>("event.type", eventType));
                foreach (var own in result.AppendedByCaseFlow)
                    _appended.Add(1, new KeyValuePair<string, object?>("event.type", own.Type));
                break;
            case WriteOutcome.Replayed:
                _replayed.Add(1, new KeyValuePair<string, object?>("event.type", eventType));
                break;
            case WriteOutcome.Busy:
                _busy.Add(1, new KeyValuePair<string, object?>("event.type", eventType));
                break;
            default:
                RefusedAs(ProblemCodeOf(outcome));
                break;
        }
    }

    /// <summary>An event refused before it reached the append path (an invalid envelope, a role that may not post it).</summary>
    public void Refused(string? problemType) => RefusedAs(CodeOf(problemType));

    private void RefusedAs(string problemCode) => _refused.Add(1, new KeyValuePair<string, object?>("problem.type", problemCode));

    /// <param name="startedAt">When the transaction started (<see cref="Stopwatch.GetTimestamp"/>).</param>
    public void LockWaited(long startedAt) => _lockDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);

    /// <param name="startedAt">When the transaction started (<see cref="Stopwatch.GetTimestamp"/>).</param>
    public void AppendTransaction(long startedAt) => _appendDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);

    public void DeadlineScheduled(object message) =>
        _deadlinesScheduled.Add(1, new KeyValuePair<string, object?>("kind", message.GetType().Name));

    public void DeadlineFired(string outcome, TimeSpan late)
    {
        _deadlinesFired.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (late >= TimeSpan.Zero)
            _deadlineLateness.Record(late.TotalSeconds);
    }

    public void Vault(string operation) => _vault.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public void CheckpointsSigned(int count) => _checkpointsSigned.Add(count);

    public void CheckpointRefused() => _checkpointsRefused.Add(1);

    public void StoreVerified(bool intact) =>
        _verifications.Add(1, new KeyValuePair<string, object?>("outcome", intact ? "intact" : "findings"));

    public void AccessLogWriteFailed() => _accessLogFailures.Add(1);

    /// <summary>The problem code a write that stored nothing is counted under: its rule's code, or what the append path said.</summary>
    private static string ProblemCodeOf(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Refused refused => refused.Refusal.Code,
        WriteOutcome.NotFound => "not-found",
        WriteOutcome.IdConflict => "event-id-conflict",
        WriteOutcome.AlreadyStarted => "already-recorded",
        WriteOutcome.Stale => "stale-version",
        WriteOutcome.Failed => "write-failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    private static string CodeOf(string? problemType) =>
        problemType is { } type && type.StartsWith(Platform.ProblemTypes.Prefix, StringComparison.Ordinal) ? type[Platform.ProblemTypes.Prefix.Length..] : "other";
}
