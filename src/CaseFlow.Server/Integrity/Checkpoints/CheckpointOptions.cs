namespace CaseFlow.Server.Integrity.Checkpoints;

/// <summary>Signed checkpoints (docs/operations.md, "Checkpoints"): where they are written, the key, and how often.</summary>
public sealed class CheckpointOptions
{
    public const string Section = "Checkpoints";

    /// <summary>The folder the checkpoints are written to: owned by the service's user, not writable by <c>postgres</c>.</summary>
    public string? Folder { get; set; }

    /// <summary>The ECDSA P-256 private key (PKCS#8 PEM) of the nodes that sign; it never enters the database.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The public key (SPKI PEM), for a process that only verifies (<c>ops/verify</c>); derived from the signing key when absent.</summary>
    public string? PublicKey { get; set; }

    /// <summary>
    /// The public keys (SPKI PEM) of signing keys rotated out, oldest first: checkpoints they signed still verify, but a
    /// checkpoint may not carry a key older than the one before it (docs/operations.md, "Rotating the checkpoint key").
    /// </summary>
    public List<string> RetiredPublicKeys { get; set; } = [];

    /// <summary>How often the leader signs the events since the last checkpoint: the window in which an edit goes unsigned.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>At most this many events per checkpoint; a longer backlog is signed in several checkpoints at once.</summary>
    public int SegmentLimit { get; set; } = 100_000;

    /// <summary>How long <c>GET /api/audit/integrity</c> may verify before it gives up (a larger store is verified with <c>ops/verify</c>).</summary>
    public TimeSpan VerificationBound { get; set; } = TimeSpan.FromMinutes(2);

    public bool Configured => !string.IsNullOrWhiteSpace(Folder) && !string.IsNullOrWhiteSpace(SigningKey ?? PublicKey);
}
