using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Writing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CaseFlow.Server.Platform;

/// <summary>
/// The event endpoints and the batch take an envelope whose <c>data</c> depends on its <c>type</c>. Each event type
/// gets its own envelope schema (<c>DetainerPreparedEnvelope</c>: the type as a one-value enum, the typed data, who may
/// post it, an example), and each endpoint's body is the <c>oneOf</c> of its types' envelopes discriminated by
/// <c>type</c>. Everything is derived from the endpoints' event kinds, so a new event type comes out typed.
/// </summary>
public static class OpenApiEvents
{
    private sealed record Stream(string Name, string OperationId, IReadOnlyDictionary<string, EventKind> Kinds, IReadOnlyDictionary<string, object> Examples);

    private static readonly Stream[] Streams =
    [
        new("CaseEvent", "PostCaseEvent", CaseEventKinds.ByType, EventExamples.Case),
        new("OfficerEvent", "PostOfficerEvent", PostOfficerEventEndpoint.Kinds, EventExamples.Officer),
        new("AgreementEvent", "PostAgreementEvent", PostAgreementEventEndpoint.Kinds, EventExamples.Agreement),
        new("ComplaintEvent", "PostComplaintEvent", PostComplaintEventEndpoint.Kinds, EventExamples.Complaint),
    ];

    private static readonly Guid ExampleEventId = Guid.Parse("6f1c9d1e-2b7a-4c1e-9d3f-0a1b2c3d4e5f");
    private static readonly Guid ExampleCaseId = Guid.Parse("0b6f4a53-5c0e-5d6e-9a61-7f4c2b1d3e8a");

    public static async Task DescribeEnvelopes(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var schemas = document.Components!.Schemas!;
        foreach (var stream in Streams)
        {
            var envelopes = new List<(string Type, string Component)>();
            foreach (var (type, kind) in stream.Kinds)
            {
                var data = await DataSchema(kind.DataType, document, context, json, ct);
                var example = stream.Examples.GetValueOrDefault(type) is { } value ? JsonSerializer.SerializeToNode(value, value.GetType(), json) : null;
                schemas[$"{type}Envelope"] = Envelope(type, data, $"A {type} event; posted by: {string.Join(", ", kind.Roles)}.", example, caseId: false);
                envelopes.Add((type, $"{type}Envelope"));
                if (stream.Kinds == CaseEventKinds.ByType)
                    schemas[$"{type}BatchEnvelope"] = Envelope(type, data, $"A {type} event in a batch, naming its case; posted by: {string.Join(", ", kind.Roles)}.", example, caseId: true);
            }

            schemas[$"{stream.Name}Envelope"] = Union(envelopes, document, $"One {stream.Name.Replace("Event", " event", StringComparison.Ordinal).ToLowerInvariant()}, by its type.");
            SetBody(document, stream.OperationId, new OpenApiSchemaReference($"{stream.Name}Envelope", document));
        }

        var batchItems = CaseEventKinds.ByType.Keys.Select(type => (type, $"{type}BatchEnvelope"))
            .Prepend((PostBookingEndpoint.EventType, $"{PostBookingEndpoint.EventType}BatchEnvelope")).ToList();
        schemas[$"{PostBookingEndpoint.EventType}BatchEnvelope"] = Envelope(PostBookingEndpoint.EventType,
            await DataSchema(typeof(BookingData), document, context, json, ct), "A booking in a batch: the body of POST /api/bookings, its type BookingRecorded.", null, caseId: false);
        schemas["BatchItem"] = Union(batchItems, document, "One envelope of a batch: a booking, or a case event naming its case in caseId.");
        schemas["BatchRequest"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "events" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["events"] = new OpenApiSchema { Type = JsonSchemaType.Array, MaxItems = PostBatchEndpoint.MaxEvents, Items = new OpenApiSchemaReference("BatchItem", document) },
            },
            AdditionalPropertiesAllowed = false,
        };
        SetBody(document, "PostBatch", new OpenApiSchemaReference("BatchRequest", document));
        schemas.Remove("EventEnvelopeOfJsonObject");
        schemas.Remove("JsonObject");
    }

    /// <summary>The data type's component, under the name the generator gives it, with an example when there is one.</summary>
    private static async Task<IOpenApiSchema> DataSchema(
        Type dataType, OpenApiDocument document, OpenApiDocumentTransformerContext context, JsonSerializerOptions json, CancellationToken ct)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(json.GetTypeInfo(dataType))!;
        await OpenApiSchemas.AddComponent(id, dataType, document, context, ct);
        return new OpenApiSchemaReference(id, document);
    }

    private static OpenApiSchema Envelope(string type, IOpenApiSchema data, string description, JsonNode? dataExample, bool caseId)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["eventId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The client's own id of the event, kept for retries." },
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type)] },
            ["occurredAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When it happened, RFC 3339 with an offset." },
            ["officerId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null, MinLength = 1, MaxLength = EventEnvelope<object>.MaxOfficerIdLength,
                Description = "The badge of the officer who acted, where one did.",
            },
            ["late"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Set for an event held back longer than the late window." },
            ["data"] = data,
        };
        var required = new HashSet<string> { "eventId", "type", "occurredAt", "data" };
        var example = new JsonObject { ["eventId"] = ExampleEventId.ToString(), ["type"] = type, ["occurredAt"] = EventExamples.Instant.ToString("O") };
        if (caseId)
        {
            properties["caseId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The case: UUIDv5 of ORI and booking number." };
            required.Add("caseId");
            example["caseId"] = ExampleCaseId.ToString();
        }

        if (dataExample is not null)
            example["data"] = dataExample.DeepClone();
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Required = required,
            Properties = properties,
            AdditionalPropertiesAllowed = false,
            Examples = dataExample is null ? null : [example],
        };
    }

    /// <summary>The <c>oneOf</c> of the components, discriminated by <c>type</c>.</summary>
    public static OpenApiSchema Union(List<(string Type, string Component)> envelopes, OpenApiDocument document, string description) => new()
    {
        Description = description,
        OneOf = [.. envelopes.Select(e => (IOpenApiSchema)new OpenApiSchemaReference(e.Component, document))],
        Discriminator = new OpenApiDiscriminator
        {
            PropertyName = "type",
            Mapping = envelopes.ToDictionary(e => e.Type, e => new OpenApiSchemaReference(e.Component, document)),
        },
    };

    private static void SetBody(OpenApiDocument document, string operationId, IOpenApiSchema schema)
    {
        var operation = document.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? []).Single(o => o.OperationId == operationId);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }
}
