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
    private readonly Func<TState?, Guid, object, TState?> _evolve;

    protected ChainedProjection(Func<TState?, object, TState?> evolve) => _evolve = (state, _, data) => evolve(state, data);

    /// <param name="evolve">An evolve function that also needs the event's id (a case keeps its facts by id).</param>
    protected ChainedProjection(Func<TState?, Guid, object, TState?> evolve) => _evolve = evolve;

    public override TState? Evolve(TState? snapshot, Guid id, IEvent e) =>
        _evolve(snapshot, e.Id, e.Data)?.AtHead(e.Version, e.GetHeader(EventHeaders.Hash)?.ToString() ?? snapshot?.ChainHead ?? EventChain.Genesis);
}
