using System.Security.Cryptography;
using System.Text;

namespace CaseFlow.Domain.Integrity;

/// <summary>One event as a checkpoint covers it, in global sequence order.</summary>
public sealed record SegmentEntry(long Sequence, Guid Stream, long Version, string Hash)
{
    public string Canonical() => $"[{CanonicalJson.Number(Sequence)},{CanonicalJson.String(Stream.ToString())},{CanonicalJson.Number(Version)},{CanonicalJson.String(Hash)}]";
}

/// <summary>
/// What a checkpoint signs (docs/events.md, "Signed checkpoints"): its number, the digest of the checkpoint before it,
/// the sequence range it covers (after the previous one, through the daemon's high-water mark), the digest of that
/// segment's entries, and the Merkle root over every stream's head at its end.
/// </summary>
public sealed record CheckpointHeader(
    long Number, string Previous, string SignedAt, long AfterSequence, long ThroughSequence, long Events, string SegmentDigest,
    long Streams, string MerkleRoot, string KeyId)
{
    public const string Format = "caseflow-checkpoint/1";

    /// <summary>The RFC 8785 text that is signed, and whose SHA-256 the next checkpoint names as its previous.</summary>
    public string Canonical() => CanonicalJson.Object(
        ("format", CanonicalJson.String(Format)),
        ("number", CanonicalJson.Number(Number)),
        ("previous", CanonicalJson.String(Previous)),
        ("signedAt", CanonicalJson.String(SignedAt)),
        ("afterSequence", CanonicalJson.Number(AfterSequence)),
        ("throughSequence", CanonicalJson.Number(ThroughSequence)),
        ("events", CanonicalJson.Number(Events)),
        ("segmentDigest", CanonicalJson.String(SegmentDigest)),
        ("streams", CanonicalJson.Number(Streams)),
        ("merkleRoot", CanonicalJson.String(MerkleRoot)),
        ("keyId", CanonicalJson.String(KeyId)));

    public string Digest() => Sha256Hex(Canonical());

    /// <summary>SHA-256 of the canonical JSON array of the segment's entries.</summary>
    public static string DigestOf(IEnumerable<SegmentEntry> segment) =>
        Sha256Hex("[" + string.Join(',', segment.Select(e => e.Canonical())) + "]");

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>A checkpoint as stored: the signed header, its signature, and the segment's entries.</summary>
public sealed record SignedCheckpoint(CheckpointHeader Header, string Signature, IReadOnlyList<SegmentEntry> Segment);
