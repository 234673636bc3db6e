namespace CaseFlow.Server.Integrity.Checkpoints;

/// <summary>This node's checkpoint key (with those rotated out before it) and folder, all absent where checkpoints are not configured.</summary>
public sealed class Checkpointing(CheckpointKey? key, CheckpointKeyring? keyring, CheckpointFolder? folder)
{
    public CheckpointKey? Key => key;

    public CheckpointKeyring? Keyring => keyring;

    public CheckpointFolder? Folder => folder;

    public bool CanSign => key is { CanSign: true } && folder is not null;

    public static Checkpointing From(CheckpointOptions options)
    {
        if (!options.Configured)
            return new Checkpointing(null, null, null);
        var key = CheckpointKey.From(options);
        return new Checkpointing(key, CheckpointKeyring.From(key, options), new CheckpointFolder(options.Folder!));
    }
}
