namespace CaseFlow.Domain.Integrity;

/// <summary>
/// The events as the store holds them now, compared with what the signed checkpoints recorded: every covered event at
/// its sequence number with its hash, nothing uncovered below the last checkpoint, and every stream's head as of the
/// last checkpoint equal to the head the checkpoints give (so a deleted tail or stream is named).
/// </summary>
public static class StoreComparison
{
    public static IReadOnlyList<IntegrityFinding> Compare(CheckpointLedger ledger, IReadOnlyCollection<SegmentEntry> stored)
    {
        var findings = new List<IntegrityFinding>();
        var through = ledger.ThroughSequence;
        var bySequence = new Dictionary<long, SegmentEntry>(stored.Count);
        var byEvent = new Dictionary<(Guid, long), SegmentEntry>(stored.Count);
        var heads = new Dictionary<Guid, StreamHead>();
        foreach (var entry in stored)
        {
            bySequence[entry.Sequence] = entry;
            byEvent[(entry.Stream, entry.Version)] = entry;
            if (entry.Sequence <= through && (!heads.TryGetValue(entry.Stream, out var head) || head.Version < entry.Version))
                heads[entry.Stream] = new StreamHead(entry.Stream, entry.Version, entry.Hash);
        }

        foreach (var expected in ledger.Covered.Values.OrderBy(e => e.Sequence))
        {
            if (!byEvent.TryGetValue((expected.Stream, expected.Version), out var now))
                findings.Add(Named(FindingKinds.EventMissing, expected, "the event a checkpoint covers is not in the store"));
            else if (now.Sequence != expected.Sequence)
                findings.Add(Named(FindingKinds.SequenceChanged, expected, $"now at sequence {now.Sequence}"));
            else if (now.Hash != expected.Hash)
                findings.Add(Named(FindingKinds.HashChanged, expected, "the stored hash is not the one a checkpoint signed"));
        }

        var coveredEvents = ledger.Covered.Values.Select(c => (c.Stream, c.Version)).ToHashSet();
        foreach (var entry in stored.Where(e => e.Sequence <= through && !coveredEvents.Contains((e.Stream, e.Version))).OrderBy(e => e.Sequence))
            findings.Add(Named(FindingKinds.EventNotCheckpointed, entry, "below the last checkpoint but covered by none"));

        foreach (var signed in ledger.Heads.Values.OrderBy(h => h.Stream))
        {
            if (!heads.TryGetValue(signed.Stream, out var head))
                findings.Add(new IntegrityFinding(FindingKinds.StreamMissing, signed.Stream, signed.Version, null, "the stream a checkpoint recorded has no event"));
            else if (head != signed)
                findings.Add(new IntegrityFinding(FindingKinds.HeadChanged, signed.Stream, signed.Version, null,
                    $"the checkpoint's head is version {signed.Version}, the store's as of it version {head.Version}"));
        }

        return findings;
    }

    private static IntegrityFinding Named(string kind, SegmentEntry entry, string detail) =>
        new(kind, entry.Stream, entry.Version, entry.Sequence, detail);
}
