using CaseFlow.Domain;
using JasperFx.Events;

namespace CaseFlow.Server.Intake;

/// <summary>
/// What a write answers: the stream (case, officer, agreement, complaint), the event and its version there, and its
/// global <see cref="Position"/>: a queue read that passes it waits until the queue reflects this write.
/// </summary>
public sealed record AppendResult(Guid Id, Guid EventId, string Type, long Version, long Position)
{
    public static AppendResult From(IEvent stored) => new(stored.StreamId, stored.Id, stored.EventTypeName, stored.Version, stored.Sequence);
}

/// <summary>Every way a write can end; <see cref="WriteResults"/> turns each into its HTTP answer.</summary>
public abstract record WriteOutcome
{
    public sealed record Appended(AppendResult Result, bool Created) : WriteOutcome;

    public sealed record Replayed(AppendResult Result, bool Created) : WriteOutcome;

    public sealed record IdConflict : WriteOutcome;

    public sealed record AlreadyStarted(Guid StreamId) : WriteOutcome;

    public sealed record Stale(long CurrentVersion) : WriteOutcome;

    public sealed record Refused(Refusal Refusal) : WriteOutcome;

    public sealed record NotFound : WriteOutcome;

    public sealed record Busy : WriteOutcome;
}
