namespace CaseFlow.Domain.Integrity;

/// <summary>
/// The state of a stream whose events carry the integrity chain: its version and the hash of its latest event,
/// which the next event is chained to.
/// </summary>
public interface IChainedState<out TSelf>
{
    long Version { get; }

    string ChainHead { get; }

    /// <summary>This state as of one more stored event, with that event's version and hash.</summary>
    TSelf AtHead(long version, string chainHead);
}
