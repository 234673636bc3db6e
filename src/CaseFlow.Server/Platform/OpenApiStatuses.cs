using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Microsoft.OpenApi.MicrosoftExtensions;
using Wolverine.Http;

namespace CaseFlow.Server.Platform;

/// <summary>
/// Every API operation declares every status it can answer. Successes and an endpoint's own refusals come from its
/// <c>[ProducesResponseType]</c> attributes; what the pipeline answers for every call (400, 401, 403, 429, 503, 413 for
/// a body, 404 for an id in the path) is added here. Every error is the one <c>Problem</c> schema.
/// </summary>
public static class OpenApiStatuses
{
    public const string ProblemSchema = "Problem";
    private const string ProblemMediaType = "application/problem+json";

    private static readonly Dictionary<int, string> Meanings = new()
    {
        [400] = "The request is not valid (invalid-request, unreadable-body): nothing was changed; `errors` names the fields.",
        [401] = "No valid bearer token (unauthenticated).",
        [403] = "The caller's role or identity may not do this (forbidden, role-may-not-post-event-type, officer-not-yours, ...).",
        [404] = "Unknown, or outside the caller's scope: the two are answered alike (case-not-found, ...).",
        [409] = "The id is already used with other content, or the stream is busy (retryable, with Retry-After); or the events since the last checkpoint do not verify (segment-does-not-verify, with findings), no checkpoint covers the case yet (checkpoint-pending, retryable), or a verification is running (verification-running, retryable).",
        [412] = "If-Match did not match the stream's version (stale-version): read it again and decide afresh.",
        [413] = "The body is too large (body-too-large, batch-too-large).",
        [422] = "A rule refused the command; the type names the rule (docs/events.md).",
        [429] = "The caller's request budget is spent (rate-limited): retry after Retry-After.",
        [503] = "The database is unavailable for a moment (database-unavailable, retryable, with Retry-After); or this node lacks the master key of a subject (subject-key-unavailable, not retryable); or a release's public variant is still being made (public-variant-pending, retryable, with Retry-After); or this node has no checkpoints (checkpoints-not-configured) or the store is too large to verify within the bound (verification-too-long).",
    };

    public static Task DeclareStatuses(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        if (description.ActionDescriptor.EndpointMetadata.OfType<HttpChain>().SingleOrDefault() is not { } chain)
            return Task.CompletedTask;
        var declared = chain.Method.Method.GetCustomAttributes<ProducesResponseTypeAttribute>().Select(a => a.StatusCode).ToHashSet();
        var errors = new SortedSet<int>(declared.Where(s => s >= 400)) { 400, 401, 403, 429, 503 };
        if (operation.RequestBody is not null)
            errors.Add(413);
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path))
            errors.Add(404);

        var responses = new Microsoft.OpenApi.OpenApiResponses();
        // Wolverine adds a 200 of IResult to an endpoint that declares another success: only declared successes stay.
        var successes = (operation.Responses ?? []).Where(r => int.Parse(r.Key) < 400 && (declared.Count == 0 || declared.Contains(int.Parse(r.Key))));
        foreach (var (status, response) in successes.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (response is OpenApiResponse success)
                success.Headers = OpenApiHeaders.For(int.Parse(status), description);
            responses[status] = response;
        }

        foreach (var status in errors)
        {
            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = Meanings.GetValueOrDefault(status) ?? ReasonPhrases.GetReasonPhrase(status),
                Headers = OpenApiHeaders.For(status, description),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
                },
            };
        }

        operation.Responses = responses;
        return Task.CompletedTask;
    }

    /// <summary>The one problem schema (RFC 9457 with CaseFlow's members), replacing the framework's.</summary>
    public static Task DescribeProblem(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        document.Components.Schemas.Remove("IResult");
        var types = ProblemTypes.Codes.Distinct().Order(StringComparer.Ordinal).Select(c => ProblemTypes.Prefix + c).ToList();
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem. `type` is stable: clients decide on it, never on `title` or `detail` (written for a clerk).",
            Required = new HashSet<string> { "type", "title", "status", "retryable" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "uri",
                    Description = "urn:caseflow:problem:{code}. The codes CaseFlow answers with: " + string.Join(", ", types.Select(t => t[ProblemTypes.Prefix.Length..])) + ".",
                    Examples = [.. types.Take(3).Select(t => (JsonNode)JsonValue.Create(t))],
                },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599" },
                ["detail"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    // Generated clients (Kiota) make it their exception's message.
                    Extensions = new Dictionary<string, IOpenApiExtension>
                    {
                        [OpenApiPrimaryErrorMessageExtension.Name] = new OpenApiPrimaryErrorMessageExtension { IsPrimaryErrorMessage = true },
                    },
                },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["retryable"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Whether sending the same request again (the same event id) can succeed." },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "For invalid-request: the messages per member.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
            AdditionalPropertiesAllowed = true,
        };
        if (document.Components.Schemas.TryGetValue("BatchItemResult", out var result) && result is OpenApiSchema { Properties: { } item })
            item["problem"] = new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, new OpenApiSchemaReference(ProblemSchema, document)] };
        return Task.CompletedTask;
    }
}
