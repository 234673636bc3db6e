using Microsoft.AspNetCore.OpenApi;
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
    /// <summary>
    /// The item types lists refer to, by component id, for <see cref="AddListItemComponents"/>. Kept for the process, not
    /// per document: the generator caches schemas across documents, so a later document holds placeholders this
    /// transformer made for an earlier one.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Type> ItemTypes = new();

    /// <summary>Marks a list's placeholder items (in <c>$comment</c>, which survives the copies the generator makes).</summary>
    private const string ItemMarker = "caseflow-item:";

    private static readonly string OriPattern = $"^[A-Z0-9]{{{CaseFlow.Domain.Agencies.Ori.Length}}}$";

    /// <summary>
    /// The forms of members the endpoints take as text and read themselves (so that a bad value gets a problem naming
    /// the member): by their JSON or query name, the form the server reads.
    /// </summary>
    private static readonly Dictionary<string, Action<OpenApiSchema>> MemberForms = new()
    {
        ["aNumber"] = s => s.Pattern = Intake.BookingValidation.ANumberPattern,
        ["fbiNumber"] = s => s.Pattern = Intake.BookingValidation.FbiNumberPattern,
        ["stateId"] = s => s.Pattern = Intake.BookingValidation.StateIdPattern,
        ["bookingNumber"] = s => Text(s, Intake.BookingValidation.BookingNumberPattern, Intake.BookingValidation.MaxBookingNumberLength),
        ["badgeNumber"] = s => Text(s, Governance.NominateOfficerEndpoint.BadgeNumberPattern, Governance.NominateOfficerEndpoint.MaxBadgeNumberLength),
        ["complaintNumber"] = s => Text(s, Governance.ReceiveComplaintEndpoint.ReferencePattern, Governance.ReceiveComplaintEndpoint.MaxReferenceLength),
        ["againstBadgeNumber"] = s => Text(s, Governance.ReceiveComplaintEndpoint.ReferencePattern, Governance.ReceiveComplaintEndpoint.MaxReferenceLength),
        ["ori"] = s => Text(s, s.Pattern ?? OriPattern, CaseFlow.Domain.Agencies.Ori.Length),
        ["dateOfBirth"] = s => s.Format = "date",
        ["bookedAt"] = DateTime,
        ["scheduledRelease"] = DateTime,
        ["occurredAt"] = DateTime,
        ["learnedAt"] = DateTime,
        ["asOf"] = DateTime,
        ["from"] = DateTime,
        ["to"] = DateTime,
        ["case"] = s => s.Format = "uuid",
        ["limit"] = s =>
        {
            s.Type = JsonSchemaType.Integer;
            s.Format = "int32";
            s.MaxLength = null;
            s.Minimum = "1";
            s.Maximum = Paging.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            s.Default = System.Text.Json.Nodes.JsonValue.Create(Paging.DefaultLimit);
        },
    };

    /// <summary>The forms of query and path parameters only (a member of the same name may be something else).</summary>
    private static readonly Dictionary<string, Action<OpenApiSchema>> ParameterForms = new()
    {
        ["state"] = s => Code(s, FieldErrors.StateCodeLength),
        ["fieldOffice"] = s => Code(s, FieldErrors.FieldOfficeCodeLength),
        ["code"] = s => Code(s, FieldErrors.FieldOfficeCodeLength),
        ["user"] = s => s.MaxLength = Security.TokenPrincipal.MaxSubjectLength,
    };

    private static void DateTime(OpenApiSchema schema) => schema.Format = "date-time";

    private static void Text(OpenApiSchema schema, string pattern, int maxLength)
    {
        schema.Pattern = pattern;
        schema.MaxLength = maxLength;
    }

    /// <summary>A code of letters of one length (<see cref="FieldErrors.StateCode"/>, <see cref="FieldErrors.FieldOfficeCode"/>).</summary>
    private static void Code(OpenApiSchema schema, int length)
    {
        schema.Pattern = $"^[A-Za-z]{{{length}}}$";
        schema.MinLength = length;
        schema.MaxLength = length;
    }

    /// <summary>Query and path parameters read as text get the same forms as members of the same name.</summary>
    public static Task TypeTextParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && (ParameterForms.TryGetValue(name, out var form) || MemberForms.TryGetValue(name, out form))
                && parameter.Schema is OpenApiSchema { Type: { } type } text
                && type.HasFlag(JsonSchemaType.String))
            {
                var typed = new OpenApiSchema { Type = text.Type };
                form(typed);
                parameter.Schema = typed;
            }
        }

        return Task.CompletedTask;
    }

    public static Task TypeConvertedValues(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var nullable = declared != type || context.JsonPropertyInfo is { IsGetNullable: true } && !type.IsValueType;
        // Who prepared, approved or returned a document is stamped by the server from the token (CaseEventKinds).
        if (type == typeof(CaseFlow.Domain.Cases.Actor))
            schema.ReadOnly = true;
        if (type.IsEnum)
            schema.Type = Typed(JsonSchemaType.String, nullable);
        else if (schema.Type is not null || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
            return Task.CompletedTask;
        else if (type == typeof(string))
        {
            schema.Type = Typed(JsonSchemaType.String, nullable);
            // The limit the member's validator checks, where it names one ([MaxLength] with the validator's constant).
            if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.MaxLengthAttribute), inherit: false)
                is [System.ComponentModel.DataAnnotations.MaxLengthAttribute limit])
                schema.MaxLength = limit.Length;
            schema.MaxLength ??= JsonSetup.MaxTextLength;
            if (context.JsonPropertyInfo?.Name is { } name && MemberForms.TryGetValue(name, out var form))
                form(schema);
        }
        else if (type == typeof(DateTimeOffset))
        {
            schema.Type = Typed(JsonSchemaType.String, nullable);
            schema.Format = "date-time";
        }
        else if (context.JsonPropertyInfo?.AttributeProvider?.IsDefined(typeof(AnyJsonValueAttribute), inherit: false) == true)
        {
            // No type: any JSON value, null included.
            schema.Description = "Any JSON value; null where absent.";
        }
        else if (type == typeof(object) || type == typeof(System.Text.Json.JsonElement) || type == typeof(System.Text.Json.Nodes.JsonObject))
        {
            // A value whose shape depends on another member (an event's data by its type): a JSON object.
            schema.Type = Typed(JsonSchemaType.Object, nullable);
        }
        else if (ListItemType(type) is { } item)
        {
            schema.Type = Typed(JsonSchemaType.Array, nullable);
            schema.Items = ItemSchema(item, context);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A list's items: text, or a placeholder for the item type's component, which is made and referred to once the
    /// document is complete (<see cref="AddListItemComponents"/>): asking for a schema from inside a schema transformer
    /// re-enters the transformer with this context, and a reference made now would point at no component yet.
    /// </summary>
    private static IOpenApiSchema ItemSchema(Type item, OpenApiSchemaTransformerContext context)
    {
        if (item == typeof(string))
            return new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = JsonSetup.MaxTextLength };
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(context.JsonTypeInfo.Options.GetTypeInfo(item))
            ?? throw new InvalidOperationException($"{item} has no component id.");
        ItemTypes[id] = item;
        return new OpenApiSchema { Comment = ItemMarker + id };
    }

    /// <summary>Refers every list's placeholder items to the item's component, adding the components nothing else made.</summary>
    public static async Task AddListItemComponents(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        // A cached schema already refers to its item (from an earlier document): its component is added here again.
        var lists = Walk(document).Select(list => (List: list, Id: ItemId(list.Items))).Where(l => l.Id is not null).ToList();
        foreach (var id in lists.Select(l => l.Id!).Distinct().Order(StringComparer.Ordinal).ToList())
            await AddComponent(id, ItemTypes[id], document, context, ct);
        foreach (var (list, id) in lists)
            list.Items = new OpenApiSchemaReference(id!, document);
    }

    private static string? ItemId(IOpenApiSchema? items) => items switch
    {
        OpenApiSchema { Comment: { } comment } when comment.StartsWith(ItemMarker, StringComparison.Ordinal) => comment[ItemMarker.Length..],
        OpenApiSchemaReference { Reference.Id: { } id } when ItemTypes.ContainsKey(id) => id,
        _ => null,
    };

    /// <summary>
    /// The type's component under <paramref name="id"/>. Asking for the schema of a type the generator names registers
    /// the component itself and answers a reference to it, so the answer is stored only where nothing was registered.
    /// </summary>
    public static async Task AddComponent(string id, Type type, OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        if (document.Components?.Schemas?.ContainsKey(id) == true)
            return;

        var schema = await context.GetOrCreateSchemaAsync(type, null, ct);
        if (document.Components?.Schemas?.ContainsKey(id) != true)
            document.AddComponent(id, schema);
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
