using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseFlow.Domain.Integrity;

namespace CaseFlow.Server.Writing;

/// <summary>
/// An event about to be written, before any rule has judged it: a client's after its envelope passed validation, or
/// one CaseFlow appends itself. Its <see cref="Fingerprint"/> is SHA-256 over the RFC 8785 form of what was asked
/// for, without the event id: the same request sent again has the same fingerprint.
/// </summary>
public sealed record IncomingEvent
{
    private IncomingEvent(Guid eventId, string type, DateTimeOffset occurredAt, bool late, string? officerId, string fingerprint) =>
        (EventId, Type, OccurredAt, Late, OfficerId, Fingerprint) = (eventId, type, occurredAt, late, officerId, fingerprint);

    public Guid EventId { get; }
    public string Type { get; }
    public DateTimeOffset OccurredAt { get; }
    public bool Late { get; }
    public string? OfficerId { get; }
    public string Fingerprint { get; }

    /// <summary>An event for <paramref name="streamId"/>; <paramref name="content"/> (serialised with <paramref name="json"/>) must not hold person identifiers.</summary>
    public static IncomingEvent Of<TContent>(
        Guid eventId, Guid streamId, string type, DateTimeOffset occurredAt, bool late, string? officerId, TContent content, JsonSerializerOptions json) =>
        new(eventId, type, occurredAt, late, officerId, FingerprintOf(streamId, type, occurredAt, late, officerId, Canonical(content, json)));

    /// <summary>
    /// A step whose request names no instant (the server dates it <paramref name="now"/>): its fingerprint leaves time
    /// out, so the same request sent again is recognised as a retry whenever it comes.
    /// </summary>
    public static IncomingEvent Undated<TContent>(Guid eventId, Guid streamId, string type, TContent content, DateTimeOffset now, JsonSerializerOptions json) =>
        new(eventId, type, now, late: false, officerId: null, FingerprintOf(streamId, type, DateTimeOffset.UnixEpoch, late: false, officerId: null, Canonical(content, json)));

    /// <summary>An event CaseFlow records itself, fingerprinted over stream, type and instant (a replay of its cause finds it unchanged).</summary>
    public static IncomingEvent System(Guid eventId, Guid streamId, string type, DateTimeOffset occurredAt, bool late = false) =>
        new(eventId, type, occurredAt, late, officerId: null, FingerprintOf(streamId, type, occurredAt, late, officerId: null, content: null));

    /// <summary>The canonical form of the content as its declared type serialises it (what earlier fingerprints were computed over).</summary>
    private static string Canonical<TContent>(TContent content, JsonSerializerOptions json) =>
        CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(content, json));

    /// <summary>SHA-256 over the RFC 8785 form of { stream, type, occurredAt, late, officerId, content }, composed from its canonical parts.</summary>
    private static string FingerprintOf(Guid streamId, string type, DateTimeOffset occurredAt, bool late, string? officerId, string? content)
    {
        var canonical = CanonicalJson.Object(
            ("stream", CanonicalJson.String(streamId.ToString())),
            ("type", CanonicalJson.String(type)),
            ("occurredAt", CanonicalJson.String(occurredAt.ToUniversalTime().ToString("O"))),
            ("late", CanonicalJson.Boolean(late)),
            ("officerId", CanonicalJson.StringOrNull(officerId)),
            ("content", content ?? "null"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
