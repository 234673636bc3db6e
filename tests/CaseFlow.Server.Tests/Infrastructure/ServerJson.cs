using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Platform;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>JSON exactly as the API reads and writes it (camelCase, enums as names, strict instants).</summary>
public static class ServerJson
{
    public static readonly JsonSerializerOptions Options = Configured();

    /// <summary>An event's <c>data</c> as a client sends it: the type is the envelope's, so no <c>$type</c> member.</summary>
    public static JsonObject Data(object example)
    {
        var data = JsonSerializer.SerializeToNode(example, Options)!.AsObject();
        data.Remove("$type");
        return data;
    }

    private static JsonSerializerOptions Configured()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(options);
        return options;
    }
}
