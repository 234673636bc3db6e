using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Writing;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CaseFlow.Server.Platform;

/// <summary>
/// An inline snapshot whose transitions live in the domain's pure evolve function; this adds what only the stored
/// event knows: its version and the integrity hash that now heads the stream's chain.
/// </summary>
public abstract class ChainedProjection<TState> : SingleStreamProjection<TState, Guid>
    where TState : class, IChainedState<TState>
{
    /// <param name="events">The event types of its streams, the only ones it is handed (<see cref="ProjectionEvents.TakeOnly"/>).</param>
    protected ChainedProjection(IEnumerable<Type> events) => this.TakeOnly(events);

    public override TState? Evolve(TState? snapshot, Guid id, IEvent e) => After(snapshot, e);

    /// <summary>The state after one more stored event, as the snapshot will hold it once the event is committed.</summary>
    public static TState? After(TState? state, IEvent e) => IChainedState<TState>.After(state, e.Id, e.Data, e.Version, e.GetHeader(EventHeaders.Hash)?.ToString());
}
