namespace CaseFlow.Domain.Integrity;

/// <summary>
/// The state of a stream whose events carry the integrity chain: its version and the hash of its latest event,
/// which the next event is chained to.
/// </summary>
public interface IChainedState<TSelf>
    where TSelf : class, IChainedState<TSelf>
{
    long Version { get; }

    string ChainHead { get; }

    /// <summary>This state as of one more stored event, with that event's version and hash.</summary>
    TSelf AtHead(long version, string chainHead);

    /// <summary>The state after one more event (by its id and data), before its version and hash are known; null before a start.</summary>
    static abstract TSelf? Evolve(TSelf? state, Guid eventId, object @event);

    /// <summary>The state after one more stored event: evolved, and headed by that event's version and hash.</summary>
    static TSelf? After(TSelf? state, Guid eventId, object @event, long version, string? hash) =>
        TSelf.Evolve(state, eventId, @event)?.AtHead(version, hash ?? state?.ChainHead ?? EventChain.Genesis);
}
