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
    /// The canonical text of the document { stream, version, eventId, type, data, metadata, previous } is written
    /// straight into one UTF-8 buffer, its members in their canonical order, and hashed there: data and metadata are
    /// each read once and no string is made of any part.
    /// </remarks>
    public static string Hash(string previousHash, ChainLink link)
    {
        using var output = new Utf8Buffer(2 * (link.DataJson.Length + link.MetadataJson.Length) + 256);
        var writer = new CanonicalUtf8Writer(output);
        output.Append("{\"data\":"u8);
        writer.WriteDocument(Encoding.UTF8.GetBytes(link.DataJson));
        output.Append(",\"eventId\":"u8);
        writer.WriteString(Encoding.UTF8.GetBytes(link.EventId.ToString()));
        output.Append(",\"metadata\":"u8);
        writer.WriteDocument(Encoding.UTF8.GetBytes(link.MetadataJson));
        output.Append(",\"previous\":"u8);
        writer.WriteString(Encoding.UTF8.GetBytes(previousHash));
        output.Append(",\"stream\":"u8);
        writer.WriteString(Encoding.UTF8.GetBytes(link.StreamId.ToString()));
        output.Append(",\"type\":"u8);
        writer.WriteString(Encoding.UTF8.GetBytes(link.Type));
        output.Append(",\"version\":"u8);
        output.Append(Encoding.ASCII.GetBytes(CanonicalJson.Number(link.Version)));
        output.Append((byte)'}');
        return Convert.ToHexStringLower(SHA256.HashData(output.Written));
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
