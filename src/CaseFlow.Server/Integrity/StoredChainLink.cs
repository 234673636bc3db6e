using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Writing;
using Npgsql;

namespace CaseFlow.Server.Integrity;

/// <summary>One stored event as the store's checks read it: where it stands, what its chain hash covers, and the hash it stores.</summary>
public sealed record StoredLinkRow(long Sequence, Guid Stream, long Version, ChainLink Link, string? StoredHash);

/// <summary>What the chain hash of a stored row covers (its headers without the hash itself), and the hash it stores.</summary>
public static class StoredChainLink
{
    /// <summary>The columns <see cref="Read"/> reads, in its order, as a select list over the events table.</summary>
    public const string Columns = "seq_id, stream_id, version, id, type, data::text, coalesce(headers::text, '{}')";

    public static StoredLinkRow Read(NpgsqlDataReader reader)
    {
        var (stream, version) = (reader.GetGuid(1), reader.GetInt64(2));
        var (link, stored) = Of(stream, version, reader.GetGuid(3), reader.GetString(4), reader.GetString(5), reader.GetString(6));
        return new StoredLinkRow(reader.GetInt64(0), stream, version, link, stored);
    }

    public static (ChainLink Link, string? StoredHash) Of(Guid streamId, long version, Guid eventId, string type, string dataJson, string headersJson)
    {
        var (metadata, hash) = CanonicalJson.ObjectWithout(headersJson, EventHeaders.Hash);
        return (new ChainLink(streamId, version, eventId, type, dataJson, metadata), hash);
    }
}
