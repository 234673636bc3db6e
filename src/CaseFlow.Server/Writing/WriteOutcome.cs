using CaseFlow.Domain;
using JasperFx.Events;

namespace CaseFlow.Server.Writing;

/// <summary>
/// What a write answers: the stream (case, officer, agreement, complaint), the event and its version there, its global
/// <see cref="Position"/> (a queue read that passes it waits until the queue reflects this write), and the events
/// CaseFlow appended itself in the same transaction (the stream's version is then that of the last of them).
/// </summary>
public sealed record AppendResult(Guid Id, Guid EventId, string Type, long Version, long Position)
{
    public IReadOnlyList<AppendResult> AppendedByCaseFlow { get; init; } = [];

    /// <summary>The stream's version once this write and what CaseFlow appended with it are stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long StreamVersion => AppendedByCaseFlow.Count == 0 ? Version : AppendedByCaseFlow[^1].Version;

    public static AppendResult From(IEvent stored) => new(stored.StreamId, stored.Id, stored.EventTypeName, stored.Version, stored.Sequence);

    /// <summary>Two answers are the same when they name the same events, CaseFlow's own included (a replay's answer equals the first).</summary>
    public bool Equals(AppendResult? other) =>
        other is not null && (Id, EventId, Type, Version, Position) == (other.Id, other.EventId, other.Type, other.Version, other.Position)
        && AppendedByCaseFlow.SequenceEqual(other.AppendedByCaseFlow);

    public override int GetHashCode() => HashCode.Combine(Id, EventId, Type, Version, AppendedByCaseFlow.Count);
}

/// <summary>Every way a write can end; <see cref="WriteResults"/> turns each into its HTTP answer.</summary>
public abstract record WriteOutcome
{
    /// <summary>
    /// Whether a later write of the same stream sent with this one (a batch's next item of the case) still goes ahead:
    /// after an appended or replayed event, or an event id that conflicts and changed nothing; not after a refusal.
    /// </summary>
    public bool LetsLaterWritesProceed => this is Appended or Replayed or IdConflict or AlreadyStarted;

    public sealed record Appended(AppendResult Result, bool Created) : WriteOutcome;

    public sealed record Replayed(AppendResult Result, bool Created) : WriteOutcome;

    public sealed record IdConflict : WriteOutcome;

    public sealed record AlreadyStarted(Guid StreamId) : WriteOutcome;

    public sealed record Stale(long CurrentVersion) : WriteOutcome;

    public sealed record Refused(Refusal Refusal) : WriteOutcome;

    public sealed record NotFound : WriteOutcome;

    public sealed record Busy : WriteOutcome;

    /// <summary>The write failed on its own (its group was written again without it): nothing of it is stored.</summary>
    public sealed record Failed : WriteOutcome;
}
