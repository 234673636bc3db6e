namespace CaseFlow.Domain.Integrity;

/// <summary>
/// A store that ends before its last checkpoints, as a point-in-time restore to an earlier instant leaves it: the
/// checkpoints signed after that instant cover events the store no longer holds. Recognised only when that is all that
/// differs: every chain holds, every event a checkpoint covers is either in the store as signed or missing, the missing
/// ones are the latest versions of their streams (nothing missing below an event still there), and they lie in the
/// last checkpoints only, each of which misses at least one. A deleted tail looks the same and is named the same way:
/// it is a finding either way.
/// </summary>
public static class RestoredStore
{
    /// <summary>
    /// How many checkpoints at the end of <paramref name="checkpoints"/> lie beyond the store (0: none, or the store
    /// differs from its checkpoints in some other way), given the comparison with every checkpoint.
    /// </summary>
    public static int CheckpointsBeyond(
        IReadOnlyList<SignedCheckpoint> checkpoints, IReadOnlyList<IntegrityFinding> comparison, IReadOnlyCollection<SegmentEntry> stored, bool chainsHold)
    {
        if (!chainsHold || comparison.Any(f => f.Kind is not (FindingKinds.EventMissing or FindingKinds.HeadChanged or FindingKinds.StreamMissing)))
            return 0;
        var missing = comparison.Where(f => f.Kind == FindingKinds.EventMissing).Select(f => (f.Stream!.Value, f.Version!.Value)).ToHashSet();
        if (missing.Count == 0)
            return 0;
        var heads = stored.GroupBy(e => e.Stream).ToDictionary(g => g.Key, g => g.Max(e => e.Version));
        if (missing.Any(m => heads.GetValueOrDefault(m.Item1) >= m.Item2))
            return 0;

        bool Misses(SignedCheckpoint c) => c.Segment.Any(e => missing.Contains((e.Stream, e.Version)));
        var beyond = 0;
        while (beyond < checkpoints.Count && Misses(checkpoints[checkpoints.Count - 1 - beyond]))
            beyond++;
        return checkpoints.Take(checkpoints.Count - beyond).Any(Misses) ? 0 : beyond;
    }

    /// <summary>The finding that names a checkpoint beyond the store, by the first event it covers that is gone.</summary>
    public static IntegrityFinding Finding(SignedCheckpoint checkpoint, IReadOnlySet<SegmentEntry> stored)
    {
        var gone = checkpoint.Segment.Where(e => !stored.Contains(e)).ToList();
        var h = checkpoint.Header;
        return new IntegrityFinding(FindingKinds.CheckpointBeyondStore, gone[0].Stream, gone[0].Version, gone[0].Sequence,
            $"checkpoint {h.Number} (signed {h.SignedAt}, sequences {h.AfterSequence + 1} to {h.ThroughSequence}): {gone.Count} of its {h.Events} events are not in the store, " +
            "which ends before it: expected after a point-in-time restore to an earlier instant (set it aside: ops/verify --set-aside), a deleted tail otherwise");
    }
}
