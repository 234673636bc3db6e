using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Server.Platform;

/// <summary>One value that differs between two documents, at its JSON Pointer (RFC 6901); null where absent or null.</summary>
public sealed record JsonChange(string Path, [property: AnyJsonValue] JsonElement? Before, [property: AnyJsonValue] JsonElement? After);

/// <summary>What differs between two JSON documents, leaf by leaf: objects member by member, arrays index by index.</summary>
public static class JsonChanges
{
    public static IReadOnlyList<JsonChange> Between(JsonNode? before, JsonNode? after)
    {
        var changes = new List<JsonChange>();
        Walk("", before, after, changes);
        return changes;
    }

    private static void Walk(string path, JsonNode? before, JsonNode? after, List<JsonChange> changes)
    {
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var name in a.Select(p => p.Key).Concat(b.Select(p => p.Key)).Distinct())
                    Walk($"{path}/{name.Replace("~", "~0").Replace("/", "~1")}", a[name], b[name], changes);
                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                    Walk($"{path}/{i}", i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, changes);
                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                    changes.Add(new JsonChange(path, Element(before), Element(after)));
                break;
        }
    }

    private static JsonElement? Element(JsonNode? node) => node is null ? null : JsonSerializer.SerializeToElement(node);
}
