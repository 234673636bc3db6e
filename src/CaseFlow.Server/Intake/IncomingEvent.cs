using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Domain.Integrity;

namespace CaseFlow.Server.Intake;

/// <summary>A client's event after its envelope passed validation, before any rule has judged it.</summary>
public sealed record IncomingEvent(Guid EventId, string Type, DateTimeOffset OccurredAt, bool Late, string? OfficerId, string Fingerprint)
{
    /// <summary>
    /// SHA-256 over the RFC 8785 form of what the client asked for, without its event id: the same request sent again
    /// has the same fingerprint. <paramref name="content"/> must not hold person identifiers.
    /// </summary>
    public static string FingerprintOf(Guid streamId, string type, DateTimeOffset occurredAt, bool late, string? officerId, JsonNode? content)
    {
        var request = new JsonObject
        {
            ["stream"] = streamId.ToString(),
            ["type"] = type,
            ["occurredAt"] = occurredAt.ToUniversalTime().ToString("O"),
            ["late"] = late,
            ["officerId"] = officerId,
            ["content"] = content?.DeepClone(),
        };
        var canonical = CanonicalJson.Canonicalize(request.ToJsonString());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static JsonNode? ToNode<T>(T value, JsonSerializerOptions options) => JsonSerializer.SerializeToNode(value, options);

    /// <summary>
    /// A step whose request names no instant (the server dates it <paramref name="now"/>): its fingerprint leaves time
    /// out, so the same request sent again is recognised as a retry whenever it comes.
    /// </summary>
    public static IncomingEvent Undated(Guid eventId, Guid streamId, string type, JsonNode? content, DateTimeOffset now) =>
        new(eventId, type, now, Late: false, OfficerId: null,
            FingerprintOf(streamId, type, DateTimeOffset.UnixEpoch, late: false, officerId: null, content));
}
