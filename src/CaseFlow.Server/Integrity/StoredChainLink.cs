using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Integrity;

/// <summary>What the chain hash of a stored row covers (its headers without the hash itself), and the hash it stores.</summary>
public static class StoredChainLink
{
    public static (ChainLink Link, string? StoredHash) Of(Guid streamId, long version, Guid eventId, string type, string dataJson, string headersJson)
    {
        var (metadata, hash) = CanonicalJson.ObjectWithout(headersJson, EventHeaders.Hash);
        return (new ChainLink(streamId, version, eventId, type, dataJson, metadata), hash);
    }
}
