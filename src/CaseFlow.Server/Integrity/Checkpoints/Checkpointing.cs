namespace CaseFlow.Server.Integrity.Checkpoints;

/// <summary>This node's checkpoint key and folder, both absent where checkpoints are not configured.</summary>
public sealed class Checkpointing(CheckpointKey? key, CheckpointFolder? folder)
{
    public CheckpointKey? Key => key;

    public CheckpointFolder? Folder => folder;

    public bool CanSign => key is { CanSign: true } && folder is not null;

    public static Checkpointing From(CheckpointOptions options) =>
        options.Configured ? new Checkpointing(CheckpointKey.From(options), new CheckpointFolder(options.Folder!)) : new Checkpointing(null, null);
}
