using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace CaseFlow.Server.Platform;

/// <summary>
/// One type, one component: the generator inlines an enum or a polymorphic type wherever a schema made from a document
/// transformer uses it (an event's data), so a client would get a class per member. Their schemas are marked where the
/// generator makes them and, once the document is complete, every marked copy becomes a reference to the one component:
/// an enum (text read as its names, <see cref="NamesOfAttribute"/>, included) as a string enum of the names the server
/// accepts; a polymorphic type (<see cref="JsonPolymorphicAttribute"/>: a case's events) as the <c>oneOf</c> of one
/// schema per derived type, discriminated as the server writes it; stored JSON described as a type
/// (<see cref="DescribedAsAttribute"/>) as that type's component. New members and endpoints come out shared unaided.
/// </summary>
public static class OpenApiSharedSchemas
{
    /// <summary>The types marked, by component id; kept for the process, as the generator caches schemas across documents.</summary>
    private static readonly ConcurrentDictionary<string, Type> Shared = new();

    private const string Marker = "caseflow-shared:";

    public static Task Mark(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(NamesOfAttribute), inherit: false) is [NamesOfAttribute names])
        {
            schema.MaxLength = null;
            type = names.Enum;
        }
        else if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(DescribedAsAttribute), inherit: false) is [DescribedAsAttribute described])
            type = described.Type;
        else if (!type.IsEnum && type.GetCustomAttribute<JsonPolymorphicAttribute>(inherit: false) is null)
            return Task.CompletedTask;

        schema.Comment = MarkerOf(type, context.JsonTypeInfo.Options);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A query parameter bound from a member the endpoint reads as an enum's names (<see cref="NamesOfAttribute"/> on the
    /// member of its <c>[FromQuery]</c> record) is marked as that enum, like a body member.
    /// </summary>
    public static Task MarkEnumParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<HttpChain>().SingleOrDefault() is not { } chain)
            return Task.CompletedTask;
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var enums = chain.Method.Method.GetParameters().Where(p => p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>() is not null)
            .SelectMany(p => p.ParameterType.GetProperties())
            .Where(p => p.GetCustomAttribute<NamesOfAttribute>() is not null)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.GetCustomAttribute<NamesOfAttribute>()!.Enum);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter is { In: ParameterLocation.Query, Name: { } name } && enums.TryGetValue(name, out var type))
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Comment = MarkerOf(type, json) };
        }

        return Task.CompletedTask;
    }

    private static string MarkerOf(Type type, JsonSerializerOptions json)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(json.GetTypeInfo(type)) ?? throw new InvalidOperationException($"{type} has no component id.");
        Shared[id] = type;
        return Marker + id;
    }

    /// <summary>
    /// The polymorphic types' components, with one component per derived type, and the components of members described
    /// as a type (<see cref="DescribedAsAttribute"/>); then the lists those hold.
    /// </summary>
    public static async Task ShareUnionsAndRecords(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        foreach (var id in Rewrite(document, type => !type.IsEnum))
        {
            if (Shared[id].GetCustomAttribute<JsonPolymorphicAttribute>(inherit: false) is not null)
                document.Components!.Schemas![id] = await Union(id, Shared[id], document, context, json, ct);
            else
                await ComponentOf(Shared[id], document, context, json, ct, keep: true);
        }

        await OpenApiSchemas.AddListItemComponents(document, context, ct);
    }

    /// <summary>The enums' components (last: every other transformer's schemas are in place).</summary>
    public static Task ShareEnums(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var used = Rewrite(document, type => type.IsEnum);
        var components = document.Components!.Schemas!;
        // An enum the generator made a component of itself, with null among its names where one member was nullable.
        used.UnionWith(components.Where(c => c.Value is OpenApiSchema s && IdOf(s) == c.Key && Shared[c.Key].IsEnum).Select(c => c.Key));
        foreach (var id in used)
        {
            var type = Shared[id];
            components[id] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. Enum.GetValues(type).Cast<object>().Select(value => JsonSerializer.SerializeToNode(value, type, json)!)],
            };
        }

        return Task.CompletedTask;
    }

    /// <summary>Replaces every marked copy of the selected types by a reference to its component; answers the components used.</summary>
    private static HashSet<string> Rewrite(OpenApiDocument document, Func<Type, bool> selected)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        IOpenApiSchema Shared(IOpenApiSchema schema)
        {
            if (IdOf(schema) is not { } id || !selected(OpenApiSharedSchemas.Shared[id]))
                return schema;
            used.Add(id);
            var reference = new OpenApiSchemaReference(id, document);
            return schema is OpenApiSchema { Type: { } type } && type.HasFlag(JsonSchemaType.Null)
                ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] }
                : reference;
        }

        foreach (var schema in OpenApiSchemas.Walk(document).ToList())
        {
            if (schema.Properties is { } properties)
            {
                foreach (var name in properties.Keys.ToList())
                    properties[name] = Shared(properties[name]);
            }

            if (schema.Items is { } items)
                schema.Items = Shared(items);
            if (schema.AdditionalProperties is { } additional)
                schema.AdditionalProperties = Shared(additional);
            foreach (var list in new[] { schema.OneOf, schema.AnyOf, schema.AllOf })
            {
                for (var i = 0; i < (list?.Count ?? 0); i++)
                    list![i] = Shared(list[i]);
            }
        }

        foreach (var operation in document.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? []))
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                parameter.Schema = parameter.Schema is null ? null : Shared(parameter.Schema);
            foreach (var media in (operation.RequestBody?.Content?.Values ?? []).Concat((operation.Responses ?? []).Values.SelectMany(r => (IEnumerable<OpenApiMediaType>?)r.Content?.Values ?? [])))
                media.Schema = media.Schema is null ? null : Shared(media.Schema);
        }

        return used;
    }

    /// <summary>The marked type's component id, for a copy, or for a reference an earlier document left in a cached schema.</summary>
    private static string? IdOf(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchema { Comment: { } comment } when comment.StartsWith(Marker, StringComparison.Ordinal) => comment[Marker.Length..],
        OpenApiSchemaReference { Reference.Id: { } id } when Shared.ContainsKey(id) => id,
        _ => null,
    };

    /// <summary>
    /// The <c>oneOf</c> of one schema per derived type (<c>CaseEventDetainerPrepared</c>: the type's own members and the
    /// discriminator member, as the server writes it), discriminated by that member.
    /// </summary>
    private static async Task<OpenApiSchema> Union(
        string id, Type type, OpenApiDocument document, OpenApiDocumentTransformerContext context, JsonSerializerOptions json, CancellationToken ct)
    {
        var discriminator = type.GetCustomAttribute<JsonPolymorphicAttribute>(inherit: false)!.TypeDiscriminatorPropertyName ?? "$type";
        var members = new List<(string Value, OpenApiSchema Member)>();
        foreach (var derived in type.GetCustomAttributes<JsonDerivedTypeAttribute>(inherit: false))
        {
            var data = await ComponentOf(derived.DerivedType, document, context, json, ct, keep: false);
            members.Add(((string)derived.TypeDiscriminator!, new OpenApiSchema
            {
                Description = $"A {derived.TypeDiscriminator} event as the server writes it, its type in `{discriminator}`.",
                Required = data.Required,
                Properties = data.Properties,
            }));
        }

        return OneOfByType(id, discriminator, members, document);
    }

    /// <summary>
    /// The type's component, made if the document has none; unless <paramref name="keep"/>, one made here is not kept
    /// (a client would get a class nothing uses).
    /// </summary>
    private static async Task<OpenApiSchema> ComponentOf(
        Type type, OpenApiDocument document, OpenApiDocumentTransformerContext context, JsonSerializerOptions json, CancellationToken ct, bool keep)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(json.GetTypeInfo(type))!;
        var schemas = document.Components!.Schemas!;
        var existed = schemas.ContainsKey(id);
        await OpenApiSchemas.AddComponent(id, type, document, context, ct);
        var component = (OpenApiSchema)schemas[id];
        if (!existed && !keep)
            schemas.Remove(id);
        return component;
    }

    /// <summary>
    /// The <c>oneOf</c> of the members, each stored as component <c>{id}{value}</c> with the discriminator member (its
    /// one value) added, discriminated by it: a generated client reads each as a class of its own.
    /// </summary>
    private static OpenApiSchema OneOfByType(string id, string discriminator, IEnumerable<(string Value, OpenApiSchema Member)> members, OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas!;
        var components = new List<(string Value, string Component)>();
        foreach (var (value, member) in members)
        {
            var properties = new Dictionary<string, IOpenApiSchema> { [discriminator] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(value)] } };
            foreach (var (name, property) in member.Properties ?? new Dictionary<string, IOpenApiSchema>())
                properties.TryAdd(name, property);
            schemas[id + value] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = member.Description,
                Required = new HashSet<string>((member.Required ?? new HashSet<string>()).Append(discriminator)),
                Properties = properties,
                AdditionalPropertiesAllowed = false,
            };
            components.Add((value, id + value));
        }

        return new OpenApiSchema
        {
            Description = $"One {id}, by its type in `{discriminator}`.",
            OneOf = [.. components.Select(m => (IOpenApiSchema)new OpenApiSchemaReference(m.Component, document))],
            Discriminator = new OpenApiDiscriminator
            {
                PropertyName = discriminator,
                Mapping = components.ToDictionary(m => m.Value, m => new OpenApiSchemaReference(m.Component, document)),
            },
        };
    }
}
