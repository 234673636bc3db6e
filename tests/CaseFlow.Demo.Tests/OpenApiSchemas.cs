using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Domain.Intake;

namespace CaseFlow.Demo.Tests;

/// <summary>
/// The request schemas of docs/openapi.json and a validator of the JSON Schema keywords they use ($ref, oneOf with
/// or without a discriminator, type, enum, properties, required, additionalProperties, readOnly, items, maxItems,
/// minLength, maxLength, pattern, and the formats date-time, date and uuid).
/// </summary>
public sealed class OpenApiSchemas
{
    private readonly JsonObject schemas;
    private readonly List<(string[] Segments, JsonNode Schema)> requests = [];
    private readonly Dictionary<string, Regex> patterns = [];

    public OpenApiSchemas(string file)
    {
        var document = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            if (operations!["post"]?["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema)
                requests.Add((path.Split('/'), schema));
        }
    }

    public static readonly OpenApiSchemas Committed = new(Path.Combine(AppContext.BaseDirectory, "openapi.json"));

    /// <summary>The schema of a POST to <paramref name="path"/>: the documented template whose fixed segments it matches.</summary>
    public JsonNode? RequestSchema(string path)
    {
        var segments = path.Split('/');
        return requests.Where(r => r.Segments.Length == segments.Length
                && r.Segments.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second))
            .OrderBy(r => r.Segments.Count(s => s.StartsWith('{')))
            .Select(r => r.Schema).FirstOrDefault();
    }

    /// <summary>What in <paramref name="value"/> the schema does not allow, each with its JSON path.</summary>
    public List<string> Errors(JsonNode? value, JsonNode schema, string at = "$")
    {
        var errors = new List<string>();
        Check(value, schema, at, errors);
        return errors;
    }

    private void Check(JsonNode? value, JsonNode schema, string at, List<string> errors)
    {
        if (schema["$ref"] is { } reference)
        {
            Check(value, schemas[((string)reference!).Split('/')[^1]]!, at, errors);
            return;
        }

        if (schema["oneOf"] is JsonArray choices)
        {
            if (schema["discriminator"] is { } discriminator && value is JsonObject tagged)
            {
                var tag = (string?)tagged[(string)discriminator["propertyName"]!];
                var target = tag is null ? null : discriminator["mapping"]?[tag];
                if (target is null)
                    errors.Add($"{at}: no schema for type {tag}");
                else
                    Check(value, new JsonObject { ["$ref"] = (string)target! }, at, errors);
                return;
            }

            var matching = choices.Count(c => Errors(value, c!, at).Count == 0);
            if (matching != 1)
                errors.Add($"{at}: matches {matching} of the oneOf choices: {string.Join("; ", choices.SelectMany(c => Errors(value, c!, at)))}");
            return;
        }

        if (schema["type"] is { } type && !TypeAllows(type, value))
        {
            errors.Add($"{at}: {Kind(value)} where {type.ToJsonString()} is expected");
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
            errors.Add($"{at}: {value?.ToJsonString()} is not one of {allowed.ToJsonString()}");
        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, at, errors);
                break;
            case JsonArray array:
                if (schema["maxItems"] is { } maxItems && array.Count > (int)maxItems)
                    errors.Add($"{at}: {array.Count} items, more than {maxItems}");
                if (schema["items"] is { } items)
                {
                    for (var i = 0; i < array.Count; i++)
                        Check(array[i], items, $"{at}[{i}]", errors);
                }

                break;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                CheckString((string)text!, schema, at, errors);
                break;
        }
    }

    private void CheckObject(JsonObject obj, JsonNode schema, string at, List<string> errors)
    {
        var properties = schema["properties"]?.AsObject();
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            if (!obj.ContainsKey((string)required!))
                errors.Add($"{at}: {required} is required");
        }

        foreach (var (name, member) in obj)
        {
            var property = properties?[name];
            if (property is null)
            {
                if (schema["additionalProperties"] is JsonValue open && !(bool)open)
                    errors.Add($"{at}.{name}: not a member of the schema");
                continue;
            }

            if ((bool?)property["readOnly"] == true)
                errors.Add($"{at}.{name}: read-only, set by the server");
            Check(member, property, $"{at}.{name}", errors);
        }
    }

    private void CheckString(string text, JsonNode schema, string at, List<string> errors)
    {
        if (schema["maxLength"] is { } max && text.Length > (int)max)
            errors.Add($"{at}: longer than {max}");
        if (schema["minLength"] is { } min && text.Length < (int)min)
            errors.Add($"{at}: shorter than {min}");
        if (schema["pattern"] is { } pattern && !Pattern((string)pattern!).IsMatch(text))
            errors.Add($"{at}: '{text}' does not match {pattern}");
        var format = (string?)schema["format"];
        var valid = format switch
        {
            "date-time" => Instants.TryParse(text, out _),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "uuid" => Guid.TryParseExact(text, "D", out _),
            _ => true,
        };
        if (!valid)
            errors.Add($"{at}: '{text}' is not a {format}");
    }

    private Regex Pattern(string pattern) =>
        patterns.TryGetValue(pattern, out var regex) ? regex : patterns[pattern] = new Regex(pattern, RegexOptions.CultureInvariant);

    private static bool TypeAllows(JsonNode type, JsonNode? value)
    {
        var kind = Kind(value);
        var types = type is JsonArray many ? many.Select(t => (string)t!) : [(string)type!];
        return types.Any(t => t == kind || (t == "number" && kind == "integer"));
    }

    private static string Kind(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.AsValue().TryGetValue<long>(out _) || ((double)value == Math.Floor((double)value)) ? "integer" : "number",
        _ => "unknown",
    };
}
