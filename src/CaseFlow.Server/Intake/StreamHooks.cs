using Wolverine;

namespace CaseFlow.Server.Intake;

/// <summary>
/// What a kind of stream adds to the one path for client events (<see cref="PostStreamEvent"/>); each defaults to
/// nothing added.
/// </summary>
public sealed record StreamHooks<TState>
{
    /// <summary>Who may post a kind on this stream, where that depends on the stream (a case's model); else the kind's roles.</summary>
    public Func<EventKind, IReadOnlyList<string>> RolesOf { get; init; } = kind => kind.Roles;

    /// <summary>Completes the event from the stream's state under the write's lock, where what is judged once depends on earlier events.</summary>
    public Func<TState, object, object> Complete { get; init; } = (_, e) => e;

    /// <summary>What CaseFlow appends itself after the accepted event (its id, its data, when it occurred).</summary>
    public Func<TState, IncomingEvent, object, IReadOnlyList<SystemEvent>> AppendAfter { get; init; } = (_, _, _) => [];

    /// <summary>What an appended event (its id, its data) schedules.</summary>
    public Func<Guid, object, ScheduledMessage?> Schedule { get; init; } = (_, _) => null;
}
