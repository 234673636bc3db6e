using System.Text.Json.Nodes;
using CaseFlow.Domain;
using CaseFlow.Server.Integrity;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CaseFlow.Server.Platform;

/// <summary>
/// A history answers each stored event with its data exactly as stored, whose shape depends on its <c>type</c>. The
/// document types it: <c>HistoryEvent</c> is the <c>oneOf</c> of one <c>HistoryEvent{Type}</c> per stored event type,
/// discriminated by <c>type</c>, each the members every history item has (<c>HistoryEventCommon</c>, which a generated
/// client makes their base class) with that type's data. Derived from <see cref="EventCatalogue"/>, so a new event type
/// comes out typed.
/// </summary>
public static class OpenApiHistory
{
    private const string Common = nameof(HistoryEvent) + "Common";
    private const string DataMember = "data";
    private const string TypeMember = "type";

    public static async Task TypeHistoryData(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var schemas = document.Components!.Schemas!;
        if (!schemas.TryGetValue(nameof(HistoryEvent), out var found) || found is not OpenApiSchema { Properties: { } properties } generated)
            throw new InvalidOperationException("The document has no HistoryEvent to type.");

        schemas[Common] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = generated.Description + " The members every history item has, whatever its type.",
            Required = new HashSet<string>(generated.Required!.Where(r => r != DataMember)),
            // A copy: the generator may hand the same cached schema to a later document.
            Properties = properties.Where(p => p.Key != DataMember).ToDictionary(p => p.Key, p => p.Value),
        };

        var members = new List<(string Type, string Component)>();
        foreach (var eventType in EventCatalogue.All)
        {
            var data = OpenApiOptions.CreateDefaultSchemaReferenceId(json.GetTypeInfo(eventType))!;
            await OpenApiSchemas.AddComponent(data, eventType, document, context, ct);
            schemas[nameof(HistoryEvent) + eventType.Name] = new OpenApiSchema
            {
                Description = $"A stored {eventType.Name} event with its data as stored.",
                AllOf =
                [
                    new OpenApiSchemaReference(Common, document),
                    new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { TypeMember, DataMember },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            [TypeMember] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(eventType.Name)] },
                            [DataMember] = new OpenApiSchemaReference(data, document),
                        },
                    },
                ],
            };
            members.Add((eventType.Name, nameof(HistoryEvent) + eventType.Name));
        }

        schemas[nameof(HistoryEvent)] = OpenApiEvents.Union(members, document, "One stored event of a stream's history, by its type.");
    }
}
