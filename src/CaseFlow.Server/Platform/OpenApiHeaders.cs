using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Subjects;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Platform;

/// <summary>
/// The response headers CaseFlow sends, declared on the answers that carry them: by what an answer holds (a write's
/// <see cref="AppendResult"/> carries the stream's ETag and, for a retry, Idempotent-Replayed: <see cref="WriteResults"/>)
/// and by status (a 201 its Location, a 412 the current ETag, a busy 409, a 429 and a 503 Retry-After). A new endpoint that
/// answers with these gets them declared unaided.
/// </summary>
public static class OpenApiHeaders
{
    private const string ETag = "ETag";
    private const string Location = "Location";
    private const string RetryAfter = "Retry-After";

    private static readonly Dictionary<string, OpenApiHeader> Headers = new()
    {
        [ETag] = new() { Description = "The stream's version in quotes (\"3\"): send it as If-Match to write on what you read.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
        [WriteResults.ReplayedHeader] = new()
        {
            Description = "`true` when the event id was already stored with the same content: this is the stored event's answer, nothing was appended.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")] },
        },
        [Location] = new() { Description = "Where the created resource is read.", Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" } },
        [RetryAfter] = new() { Description = "Seconds to wait before sending the same request again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" } },
    };

    private static readonly Dictionary<Type, string[]> ByAnswer = new()
    {
        [typeof(AppendResult)] = [ETag, WriteResults.ReplayedHeader],
        [typeof(SubjectOrderAnswer)] = [ETag, WriteResults.ReplayedHeader],
        [typeof(CaseSummary)] = [ETag],
    };

    private static readonly Dictionary<int, string[]> ByStatus = new()
    {
        [201] = [Location],
        [409] = [RetryAfter],
        [412] = [ETag],
        [429] = [RetryAfter],
        [503] = [RetryAfter],
    };

    /// <summary>The headers the answer with <paramref name="status"/> carries, by what the endpoint answers with.</summary>
    public static Dictionary<string, IOpenApiHeader>? For(int status, ApiDescription description)
    {
        var names = description.SupportedResponseTypes.Where(r => r.StatusCode == status && r.Type is not null)
            .SelectMany(r => ByAnswer.GetValueOrDefault(r.Type!) ?? [])
            .Concat(ByStatus.GetValueOrDefault(status) ?? [])
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? null : names.ToDictionary(n => n, n => (IOpenApiHeader)Headers[n]);
    }
}
