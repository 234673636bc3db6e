using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CaseFlow.Server.Platform;

/// <summary>
/// Types the values the server's own JSON converters (<see cref="JsonSetup"/>) read and write, which the schema
/// exporter cannot see through and would leave as empty schemas: text is a bounded string, an instant a
/// <c>date-time</c> with its offset, a list an array of its items; enums are string enums of the names the server
/// accepts (never numbers).
/// </summary>
public static class OpenApiSchemas
{
    /// <summary>Marks a list's schema with its item type; <see cref="DescribeListItems"/> gives it its items.</summary>
    private const string ItemType = "caseflow-item-type";

    public static Task TypeConvertedValues(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var nullable = declared != type || context.JsonPropertyInfo is { IsGetNullable: true } && !type.IsValueType;
        if (type.IsEnum)
            schema.Type = Typed(JsonSchemaType.String, nullable);
        else if (schema.Type is not null || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
            return Task.CompletedTask;
        else if (type == typeof(string))
        {
            schema.Type = Typed(JsonSchemaType.String, nullable);
            schema.MaxLength ??= JsonSetup.MaxTextLength;
        }
        else if (type == typeof(DateTimeOffset))
        {
            schema.Type = Typed(JsonSchemaType.String, nullable);
            schema.Format = "date-time";
        }
        else if (ListItemType(type) is { } item)
        {
            // The item schema is made once the document is complete: asking for it from inside a schema transformer
            // re-enters the transformer with this context.
            schema.Type = Typed(JsonSchemaType.Array, nullable);
            schema.Metadata ??= new Dictionary<string, object>();
            schema.Metadata[ItemType] = item;
        }

        return Task.CompletedTask;
    }

    /// <summary>Gives every list marked by <see cref="TypeConvertedValues"/> its items: a reference to the item's component.</summary>
    public static async Task DescribeListItems(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        foreach (var list in Walk(document).Where(s => s.Metadata?.ContainsKey(ItemType) == true).Distinct().ToList())
        {
            var item = (Type)list.Metadata![ItemType];
            list.Metadata.Remove(ItemType);
            list.Items = await ItemSchema(item, document, context, json, ct);
        }
    }

    private static async Task<IOpenApiSchema> ItemSchema(
        Type item, OpenApiDocument document, OpenApiDocumentTransformerContext context, JsonSerializerOptions json, CancellationToken ct)
    {
        if (item == typeof(string))
            return new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = JsonSetup.MaxTextLength };
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(json.GetTypeInfo(item));
        if (id is null)
            return await context.GetOrCreateSchemaAsync(item, null, ct);
        if (document.Components?.Schemas?.ContainsKey(id) != true)
            document.AddComponent<IOpenApiSchema>(id, await context.GetOrCreateSchemaAsync(item, null, ct));
        return new OpenApiSchemaReference(id, document);
    }

    /// <summary>Every schema of the document, components and operations alike, with the schemas inside them.</summary>
    public static IEnumerable<OpenApiSchema> Walk(OpenApiDocument document)
    {
        var roots = (document.Components?.Schemas?.Values ?? []).Concat(
            document.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? []).SelectMany(o =>
                (o.Parameters ?? []).Select(p => p.Schema)
                .Concat((o.RequestBody?.Content?.Values ?? []).Select(c => c.Schema))
                .Concat((o.Responses ?? []).Values.SelectMany(r => (IEnumerable<OpenApiMediaType>?)r.Content?.Values ?? []).Select(c => c.Schema))));
        var seen = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<IOpenApiSchema?>(roots);
        while (pending.Count > 0)
        {
            if (pending.Pop() is not OpenApiSchema schema || !seen.Add(schema))
                continue;
            yield return schema;
            foreach (var inner in (schema.Properties?.Values ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? [])
                         .Append(schema.Items).Append(schema.AdditionalProperties))
                pending.Push(inner);
        }
    }

    private static JsonSchemaType Typed(JsonSchemaType type, bool nullable) => nullable ? type | JsonSchemaType.Null : type;

    private static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;
}
