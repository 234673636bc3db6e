using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Intake;

namespace CaseFlow.Server.Platform;

/// <summary>
/// The HTTP API's JSON: camelCase, enums as names, unknown members, duplicate members and missing required values refused, and
/// instants only with an explicit offset. Treats every client payload as untrusted input (OWASP API10).
/// </summary>
public static class JsonSetup
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new StrictInstantConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = 16;
    }

    /// <summary>Reads RFC 3339 instants that carry an offset and refuses any other form; writes the round-trip form.</summary>
    private sealed class StrictInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && Instants.TryParse(reader.GetString(), out var value)
                ? value
                : throw new JsonException("Expected an RFC 3339 date-time with an offset, such as 2026-01-15T09:30:00-06:00.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("O"));
    }
}
