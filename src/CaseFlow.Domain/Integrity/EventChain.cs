using System.Security.Cryptography;
using System.Text;

namespace CaseFlow.Domain.Integrity;

/// <summary>What of a stored event its integrity hash covers. <see cref="DataJson"/> and <see cref="MetadataJson"/> are JSON text.</summary>
public sealed record ChainLink(Guid StreamId, long Version, Guid EventId, string Type, string DataJson, string MetadataJson);

/// <summary>
/// The per-stream hash chain: each event's hash is SHA-256 over the RFC 8785 form of the event (stream, version,
/// id, type, data, metadata) and the previous event's hash, so changing, removing or reordering any stored event
/// breaks every hash after it.
/// </summary>
public static class EventChain
{
    /// <summary>The "previous hash" of a stream's first event.</summary>
    public const string Genesis = "";

    /// <remarks>
    /// The canonical text of the document { stream, version, eventId, type, data, metadata, previous } is composed
    /// from its canonical parts: data and metadata are each read once, not built into a tree and read again.
    /// </remarks>
    public static string Hash(string previousHash, ChainLink link)
    {
        var canonical = CanonicalJson.Object(
            ("stream", CanonicalJson.String(link.StreamId.ToString())),
            ("version", CanonicalJson.Number(link.Version)),
            ("eventId", CanonicalJson.String(link.EventId.ToString())),
            ("type", CanonicalJson.String(link.Type)),
            ("data", CanonicalJson.Canonicalize(link.DataJson)),
            ("metadata", CanonicalJson.Canonicalize(link.MetadataJson)),
            ("previous", CanonicalJson.String(previousHash)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Recomputes a stream's chain from its stored events and names the first version whose hash does not hold.</summary>
    public static ChainVerdict Verify(IEnumerable<(ChainLink Link, string? StoredHash)> events)
    {
        var previous = Genesis;
        var count = 0;
        long expectedVersion = 1;
        foreach (var (link, stored) in events)
        {
            count++;
            var hash = Hash(previous, link);
            if (link.Version != expectedVersion || hash != stored)
                return new ChainVerdict(false, count, link.Version, previous);
            previous = hash;
            expectedVersion++;
        }

        return new ChainVerdict(true, count, null, previous);
    }
}

/// <summary>The outcome of a chain verification: <see cref="FirstBrokenVersion"/> is null when every link holds.</summary>
public sealed record ChainVerdict(bool Intact, int EventsChecked, long? FirstBrokenVersion, string LastGoodHash);
