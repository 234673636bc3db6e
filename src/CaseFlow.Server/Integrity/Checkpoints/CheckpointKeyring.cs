using CaseFlow.Domain.Integrity;

namespace CaseFlow.Server.Integrity.Checkpoints;

/// <summary>
/// Every key a checkpoint may have been signed with, in the order they were used: those rotated out, oldest first, then
/// the current one. Along the chain of checkpoints a key is never followed by an older one, so a retired key that
/// leaked cannot sign a checkpoint after the rotation.
/// </summary>
public sealed class CheckpointKeyring(IReadOnlyList<CheckpointKey> keysOldestFirst)
{
    /// <summary>The place of <paramref name="keyId"/> in the order of use (higher is newer), or null for a key not in the ring.</summary>
    public int? RankOf(string keyId)
    {
        for (var rank = 0; rank < keysOldestFirst.Count; rank++)
        {
            if (keysOldestFirst[rank].Id == keyId)
                return rank;
        }

        return null;
    }

    /// <summary>Whether the checkpoint's signature verifies with the key its header names.</summary>
    public bool Verifies(SignedCheckpoint checkpoint) =>
        RankOf(checkpoint.Header.KeyId) is { } rank && keysOldestFirst[rank].Verifies(checkpoint.Header.Canonical(), checkpoint.Signature);

    public static CheckpointKeyring From(CheckpointKey current, CheckpointOptions options) =>
        new([.. options.RetiredPublicKeys.Select(CheckpointKey.PublicOnly), current]);
}
