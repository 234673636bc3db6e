using CaseFlow.Domain.Integrity;

namespace CaseFlow.Server.Integrity.Checkpoints;

/// <summary>
/// The chain of checkpoints in the folder as this node last read it, for readers (the case export): each read takes in
/// only the files written since the one before, so a year of checkpoints is not parsed again for every export. Trusts
/// the files' signatures, as a reader that proves nothing itself may: the verification checks them.
/// </summary>
public sealed class WrittenCheckpoints(Checkpointing checkpointing)
{
    private readonly Lock _gate = new();
    private readonly CheckpointLedger _ledger = new(keepCovered: false);
    private SignedCheckpoint? _latest;

    /// <summary>Answers <paramref name="view"/> over the chain read up to the newest file and its latest checkpoint (null: none yet).</summary>
    public T Read<T>(Func<CheckpointLedger, SignedCheckpoint?, T> view)
    {
        lock (_gate)
        {
            foreach (var written in checkpointing.Folder!.Read(_ledger.Last?.Number ?? 0))
            {
                _ledger.Append(written, signatureValid: true);
                _latest = written;
            }

            return view(_ledger, _latest);
        }
    }
}
