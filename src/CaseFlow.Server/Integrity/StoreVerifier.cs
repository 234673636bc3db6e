using System.Diagnostics;
using System.Text.Json;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Integrity.Checkpoints;

namespace CaseFlow.Server.Integrity;

/// <summary>
/// The verdict on the whole store: what was checked, how fast, and every finding (the first
/// <see cref="StoreVerifier.FindingsListed"/> of them listed, all counted).
/// </summary>
public sealed record StoreVerificationReport(
    bool Intact, long EventsChecked, long StreamsChecked, long CheckpointsChecked, long CoveredThroughSequence, long EventsAfterLastCheckpoint,
    double Seconds, double EventsPerSecond, int FindingCount, IReadOnlyList<IntegrityFinding> Findings);

/// <summary>
/// Verifies the whole store (docs/events.md, "Verifying the whole store"): every checkpoint's signature, its place in
/// the chain of checkpoints, its segment and Merkle root; every event's hash and every stream's chain; every covered
/// event against its checkpoint; every stream's head as of the last checkpoint against the signed heads.
/// </summary>
public sealed class StoreVerifier(StoreScan scan, Checkpointing checkpointing, Operations.CaseFlowMetrics metrics)
{
    public const int FindingsListed = 1000;

    private readonly SemaphoreSlim _idle = new(1, 1);

    /// <summary>Verifies, unless a verification already runs on this node: then null.</summary>
    public async Task<StoreVerificationReport?> VerifyIfIdle(CancellationToken ct)
    {
        if (!await _idle.WaitAsync(0, ct))
            return null;
        try
        {
            return await Verify((_, _) => { }, ct);
        }
        finally
        {
            _idle.Release();
        }
    }

    /// <param name="progress">Told the events read so far and the events to read.</param>
    public async Task<StoreVerificationReport> Verify(Action<long, long> progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var total = await scan.CountEvents(ct);
        long read = 0;
        var scanning = scan.Run(n => progress(Interlocked.Add(ref read, n), total), ct);
        var findings = new List<IntegrityFinding>();
        var ledger = new CheckpointLedger();
        long checkpoints = 0;
        var newestKey = 0;
        foreach (var checkpoint in ReadCheckpoints(findings))
        {
            var keyring = checkpointing.Keyring!;
            findings.AddRange(ledger.Append(checkpoint, keyring.Verifies(checkpoint)));
            if (keyring.RankOf(checkpoint.Header.KeyId) is { } rank && rank < newestKey)
            {
                findings.Add(new IntegrityFinding(FindingKinds.CheckpointSignature, null, null, null,
                    $"checkpoint {checkpoint.Header.Number}: signed with key {checkpoint.Header.KeyId}, retired before the key of an earlier checkpoint"));
            }

            newestKey = Math.Max(newestKey, keyring.RankOf(checkpoint.Header.KeyId) ?? 0);
            checkpoints++;
        }

        var stored = await scanning;
        findings.AddRange(stored.Findings);
        if (ledger.Last is not null)
            findings.AddRange(StoreComparison.Compare(ledger, stored.Events));

        var seconds = clock.Elapsed.TotalSeconds;
        metrics.StoreVerified(findings.Count == 0);
        return new StoreVerificationReport(
            findings.Count == 0, stored.Events.Count, stored.Streams, checkpoints, ledger.ThroughSequence,
            stored.Events.Count(e => e.Sequence > ledger.ThroughSequence), Math.Round(seconds, 3),
            Math.Round(stored.Events.Count / Math.Max(seconds, 0.001)), findings.Count, findings.Take(FindingsListed).ToList());
    }

    private IEnumerable<SignedCheckpoint> ReadCheckpoints(List<IntegrityFinding> findings)
    {
        if (checkpointing.Folder is null)
            return [];
        try
        {
            return checkpointing.Folder.Read();
        }
        catch (Exception unreadable) when (unreadable is JsonException or IOException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            findings.Add(new IntegrityFinding(FindingKinds.CheckpointChain, null, null, null, $"a checkpoint file cannot be read: {unreadable.GetType().Name}"));
            return [];
        }
    }
}
