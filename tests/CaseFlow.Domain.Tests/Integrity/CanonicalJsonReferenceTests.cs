using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Domain.Integrity;
using CsCheck;

namespace CaseFlow.Domain.Tests.Integrity;

/// <summary>
/// The streaming UTF-8 canonicaliser against RFC 8785 spelled out the plain way (a document tree, members sorted with
/// an ordinal string comparer, strings escaped per UTF-16 code unit), on random nested JSON with escapes, non-ASCII
/// names and every kind of number.
/// </summary>
public class CanonicalJsonReferenceTests
{
    private static readonly string[] SpecialNames = ["\u20ac", "\ufb33", "\ud83d\ude00", "\u00f6", "\r", "a\"b", "back\\slash", "\u0080", "é"];

    private static readonly Gen<string> Name = Gen.OneOf(
        Gen.String[Gen.Char.AlphaNumeric, 0, 6],
        Gen.String[Gen.Char[(char)0, (char)0x7f], 0, 4],
        Gen.Int[0, 8].Select(i => SpecialNames[i]));

    private static readonly Gen<JsonNode?> Leaf = Gen.OneOf(
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Decimal.Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
        Name.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Const((JsonNode?)null));

    private static Gen<JsonNode?> Node(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (1, Node(depth - 1).Array[0, 4].Select(items => (JsonNode?)new JsonArray(items))),
            (2, Gen.Select(Name, Node(depth - 1)).Array[0, 6].Select(members =>
            {
                var node = new JsonObject();
                foreach (var (name, value) in members.DistinctBy(m => m.Item1))
                    node[name] = value;
                return (JsonNode?)node;
            })));

    [Fact]
    public void the_streaming_canonicaliser_writes_what_the_plain_one_writes()
    {
        Gen.Select(Node(3), Gen.Bool).Sample((node, escapeNonAscii) =>
        {
            var json = node?.ToJsonString(new JsonSerializerOptions { Encoder = escapeNonAscii ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = escapeNonAscii }) ?? "null";
            return CanonicalJson.Canonicalize(json) == Reference(json);
        });
    }

    [Fact]
    public void an_object_without_a_member_is_the_object_canonicalised_after_removing_it()
    {
        Node(2).Where(n => n is JsonObject).Sample(node =>
        {
            var json = node!.ToJsonString();
            var rest = JsonNode.Parse(json)!.AsObject();
            var hash = rest["hash"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
            rest.Remove("hash");
            return CanonicalJson.ObjectWithout(json, "hash") == (Reference(rest.ToJsonString()), hash);
        });
    }

    private static string Reference(string json)
    {
        using var document = JsonDocument.Parse(json);
        var output = new StringBuilder();
        Write(output, document.RootElement);
        return output.ToString();
    }

    private static void Write(StringBuilder output, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                output.Append('{');
                var members = element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
                for (var i = 0; i < members.Count; i++)
                {
                    output.Append(i > 0 ? "," : "");
                    WriteString(output, members[i].Name);
                    output.Append(':');
                    Write(output, members[i].Value);
                }

                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[').AppendJoin(',', element.EnumerateArray().Select(item =>
                {
                    var inner = new StringBuilder();
                    Write(inner, item);
                    return inner.ToString();
                })).Append(']');
                break;
            case JsonValueKind.String:
                WriteString(output, element.GetString()!);
                break;
            case JsonValueKind.Number:
                output.Append(CanonicalJson.Number(element.GetDouble()));
                break;
            default:
                output.Append(element.GetRawText());
                break;
        }
    }

    private static void WriteString(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            output.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        output.Append('"');
    }
}
