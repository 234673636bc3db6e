using CaseFlow.Domain.Integrity;

namespace CaseFlow.Server.Integrity;

/// <summary>A signed checkpoint's header, as signed (its canonical JSON is the signed text, without the signature), and its signature.</summary>
public sealed record CheckpointView(
    string Format, long Number, string Previous, string SignedAt, long AfterSequence, long ThroughSequence, long Events, string SegmentDigest,
    long Streams, string MerkleRoot, string KeyId, string Signature)
{
    public static CheckpointView Of(SignedCheckpoint checkpoint)
    {
        var h = checkpoint.Header;
        return new(CheckpointHeader.Format, h.Number, h.Previous, h.SignedAt, h.AfterSequence, h.ThroughSequence, h.Events, h.SegmentDigest, h.Streams,
            h.MerkleRoot, h.KeyId, checkpoint.Signature);
    }
}
