using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Writing;
using CsCheck;

namespace CaseFlow.Server.Tests.Writing;

/// <summary>
/// Stored events carry fingerprints computed over the whole request document built as a tree and canonicalised; a
/// retry is recognised only if the fingerprint composed from canonical parts is the same for every request.
/// </summary>
public class IncomingEventTests
{
    private sealed record Content(string Reason, DateTimeOffset At, decimal? Amount, IReadOnlyList<string> Codes);

    private static readonly JsonSerializerOptions Json = Configured();

    [Fact]
    public void the_fingerprint_is_the_one_of_the_whole_request_document_canonicalised()
    {
        var content = Gen.Select(Gen.String, Gen.DateTimeOffset, Gen.Decimal.Nullable(), Gen.String[Gen.Char.AlphaNumeric, 0, 8].Array[0, 4])
            .Select((reason, at, amount, codes) => new Content(reason, at, amount, codes));
        Gen.Select(Gen.Guid, Gen.String, Gen.DateTimeOffset, Gen.Bool, Gen.String[Gen.Char.AlphaNumeric, 1, 8].Null(), content)
            .Sample((stream, type, occurredAt, late, officerId, data) =>
                IncomingEvent.Of(Guid.NewGuid(), stream, type, occurredAt, late, officerId, data, Json).Fingerprint
                == WholeRequestFingerprint(stream, type, occurredAt, late, officerId, JsonSerializer.SerializeToNode(data, Json)));
    }

    [Fact]
    public void an_event_caseflow_records_itself_is_fingerprinted_without_content()
    {
        var stream = Guid.NewGuid();
        var at = DateTimeOffset.Parse("2026-12-03T10:00:00-06:00");

        IncomingEvent.System(Guid.NewGuid(), stream, "HoldStarted", at).Fingerprint.ShouldBe(WholeRequestFingerprint(stream, "HoldStarted", at, false, null, null));
    }

    private static string WholeRequestFingerprint(Guid stream, string type, DateTimeOffset occurredAt, bool late, string? officerId, JsonNode? content)
    {
        var request = new JsonObject
        {
            ["stream"] = stream.ToString(),
            ["type"] = type,
            ["occurredAt"] = occurredAt.ToUniversalTime().ToString("O"),
            ["late"] = late,
            ["officerId"] = officerId,
            ["content"] = content,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Canonicalize(request.ToJsonString()))));
    }

    private static JsonSerializerOptions Configured()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(options);
        return options;
    }
}
