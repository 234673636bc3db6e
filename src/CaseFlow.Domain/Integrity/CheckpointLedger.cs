namespace CaseFlow.Domain.Integrity;

/// <summary>
/// What the signed checkpoints say the store held: every covered event by sequence number and every stream's head at
/// the last checkpoint. Checkpoints are appended in order, each checked against the ones before it.
/// </summary>
/// <param name="keepCovered">Whether to keep every covered event (verification) or only the heads (signing).</param>
public sealed class CheckpointLedger(bool keepCovered = true)
{
    private readonly Dictionary<Guid, StreamHead> _heads = [];
    private readonly Dictionary<long, SegmentEntry> _covered = [];

    public CheckpointHeader? Last { get; private set; }

    public IReadOnlyDictionary<Guid, StreamHead> Heads => _heads;

    public IReadOnlyDictionary<long, SegmentEntry> Covered => _covered;

    public long ThroughSequence => Last?.ThroughSequence ?? 0;

    /// <summary>
    /// Adds a stored checkpoint and says what does not hold in it: its signature, its place in the chain of checkpoints,
    /// its segment (range, order, digest, each entry following its stream's head) and its Merkle root.
    /// </summary>
    public IReadOnlyList<IntegrityFinding> Append(SignedCheckpoint checkpoint, bool signatureValid)
    {
        var header = checkpoint.Header;
        var findings = new List<IntegrityFinding>();
        void Found(string kind, string detail) => findings.Add(new IntegrityFinding(kind, null, null, null, $"checkpoint {header.Number}: {detail}"));

        if (!signatureValid)
            Found(FindingKinds.CheckpointSignature, "the signature does not verify with the public key");
        if (header.Number != (Last?.Number ?? 0) + 1 || header.Previous != (Last?.Digest() ?? "") || header.AfterSequence != ThroughSequence)
            Found(FindingKinds.CheckpointChain, $"does not follow checkpoint {Last?.Number ?? 0}");
        if (header.Events != checkpoint.Segment.Count || header.SegmentDigest != CheckpointHeader.DigestOf(checkpoint.Segment))
            Found(FindingKinds.CheckpointSegment, "the segment does not match its signed digest");

        var previousSequence = header.AfterSequence;
        foreach (var entry in checkpoint.Segment)
        {
            if (entry.Sequence <= previousSequence || entry.Sequence > header.ThroughSequence)
                Found(FindingKinds.CheckpointSegment, $"entry {entry.Sequence} is out of order or outside its range");
            previousSequence = entry.Sequence;
            if (keepCovered)
                _covered[entry.Sequence] = entry;
            _heads[entry.Stream] = new StreamHead(entry.Stream, entry.Version, entry.Hash);
        }

        if (MerkleTree.Root(MerkleTree.Order(_heads.Values)) != header.MerkleRoot)
            Found(FindingKinds.CheckpointMerkleRoot, "the Merkle root is not the root of the stream heads its segments give");
        Last = header;
        return findings;
    }
}
