namespace CaseFlow.Domain.Integrity;

/// <summary>
/// Something the store verification found, named by what it concerns: a stream, its version and the event's global
/// sequence number where they apply, or the checkpoint's number in <see cref="Detail"/>.
/// </summary>
public sealed record IntegrityFinding(string Kind, Guid? Stream, long? Version, long? Sequence, string Detail);

/// <summary>The kinds of <see cref="IntegrityFinding"/> (docs/events.md, "Verifying the whole store").</summary>
public static class FindingKinds
{
    public const string CheckpointSignature = "checkpoint-signature";
    public const string CheckpointChain = "checkpoint-chain";
    public const string CheckpointSegment = "checkpoint-segment";
    public const string CheckpointMerkleRoot = "checkpoint-merkle-root";
    public const string HashMismatch = "hash-mismatch";
    public const string VersionGap = "version-gap";
    public const string EventMissing = "event-missing";
    public const string SequenceChanged = "sequence-changed";
    public const string HashChanged = "hash-changed";
    public const string EventNotCheckpointed = "event-not-checkpointed";
    public const string HeadChanged = "head-changed";
    public const string StreamMissing = "stream-missing";
    public const string CheckpointBeyondStore = "checkpoint-beyond-store";
}
