using System.Diagnostics;
using System.Text.Json;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Integrity.Checkpoints;

namespace CaseFlow.Server.Integrity;

/// <summary>
/// The verdict on the whole store: what was checked, how fast, and every finding (the first
/// <see cref="StoreVerifier.FindingsListed"/> of them listed, all counted).
/// </summary>
/// <param name="CheckpointsBeyondStore">The numbers of the last checkpoints, beyond the store's end (<see cref="RestoredStore"/>).</param>
public sealed record StoreVerificationReport(
    bool Intact, long EventsChecked, long StreamsChecked, long CheckpointsChecked, long CoveredThroughSequence, long EventsAfterLastCheckpoint,
    double Seconds, double EventsPerSecond, int FindingCount, IReadOnlyList<IntegrityFinding> Findings, IReadOnlyList<long> CheckpointsBeyondStore);

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
        var checkpoints = ReadCheckpoints(findings);
        var newestKey = 0;
        foreach (var checkpoint in checkpoints)
        {
            var keyring = checkpointing.Keyring!;
            findings.AddRange(ledger.Append(checkpoint, keyring.Verifies(checkpoint)));
            if (keyring.RankOf(checkpoint.Header.KeyId) is { } rank && rank < newestKey)
            {
                findings.Add(new IntegrityFinding(FindingKinds.CheckpointSignature, null, null, null,
                    $"checkpoint {checkpoint.Header.Number}: signed with key {checkpoint.Header.KeyId}, retired before the key of an earlier checkpoint"));
            }

            newestKey = Math.Max(newestKey, keyring.RankOf(checkpoint.Header.KeyId) ?? 0);
        }

        var stored = await scanning;
        findings.AddRange(stored.Findings);
        IReadOnlyList<SignedCheckpoint> beyond = [];
        if (ledger.Last is not null)
        {
            var comparison = StoreComparison.Compare(ledger, stored.Events);
            beyond = checkpoints.TakeLast(RestoredStore.CheckpointsBeyond(checkpoints, comparison, stored.Events, stored.Findings.Count == 0)).ToList();
            if (beyond.Count > 0)
            {
                // The store is compared with the checkpoints it still reaches; each one beyond it is one finding.
                ledger = new CheckpointLedger();
                foreach (var within in checkpoints.SkipLast(beyond.Count))
                    ledger.Append(within, signatureValid: true);
                var present = stored.Events.ToHashSet();
                findings.AddRange(beyond.Select(c => RestoredStore.Finding(c, present)));
                comparison = ledger.Last is null ? [] : StoreComparison.Compare(ledger, stored.Events);
            }

            findings.AddRange(comparison);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        metrics.StoreVerified(findings.Count == 0);
        return new StoreVerificationReport(
            findings.Count == 0, stored.Events.Count, stored.Streams, checkpoints.Count, ledger.ThroughSequence,
            stored.Events.Count(e => e.Sequence > ledger.ThroughSequence), Math.Round(seconds, 3),
            Math.Round(stored.Events.Count / Math.Max(seconds, 0.001)), findings.Count, findings.Take(FindingsListed).ToList(),
            beyond.Select(c => c.Header.Number).ToList());
    }

    private IReadOnlyList<SignedCheckpoint> ReadCheckpoints(List<IntegrityFinding> findings)
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
