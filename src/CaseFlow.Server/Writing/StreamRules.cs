using CaseFlow.Domain;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Writing;

/// <summary>
/// What a kind of stream (case, officer, agreement, complaint) adds to the one path for client events posted to it
/// (<see cref="StreamEvents"/>). One instance serves one request: what <see cref="Prefetch"/> reads is what
/// <see cref="Check"/> judges with. The optional steps default to nothing added.
/// </summary>
public abstract class StreamRules<TState> where TState : class
{
    /// <summary>Who may post a kind on this stream, where that depends on the stream (a case's model); else the kind's roles.</summary>
    public virtual IReadOnlyList<string> RolesOf(EventKind kind) => kind.Roles;

    public abstract bool CanSee(CallerScope caller, TState state);

    /// <summary>Adds what <see cref="Check"/> reads to the round trip that locks the stream.</summary>
    public virtual void Prefetch(GroupReads reads)
    {
    }

    /// <summary>The rule, under the lock, for the completed event.</summary>
    public abstract Refusal? Check(TState state, object e);

    /// <summary>Completes the event from the stream's state under the lock, where what is judged once depends on earlier events.</summary>
    public virtual object Complete(TState state, object e) => e;

    /// <summary>What CaseFlow appends itself after the accepted event (its id, its data, when it occurred).</summary>
    public virtual IReadOnlyList<SystemEvent> AppendAfter(TState state, IncomingEvent accepted, object data) => [];

    /// <summary>What an appended event (its id, its data) schedules.</summary>
    public virtual ScheduledMessage? Schedule(Guid eventId, object data) => null;
}
