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
    /// <summary>The longest text any member may hold; fields check tighter limits of their own.</summary>
    public const int MaxTextLength = 2_000;

    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new StrictInstantConverter());
        options.Converters.Add(new NoNullElementsConverter());
        options.Converters.Add(new PlainTextConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = 16;
        // Numbers are JSON numbers: "5" for 5 is refused like any other wrong type (and the document says integer).
        options.NumberHandling = JsonNumberHandling.Strict;
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

    /// <summary>
    /// Refuses strings with control characters other than tab and line breaks: nobody types them, and PostgreSQL
    /// cannot store U+0000 in text or jsonb, so they would fail at the append instead of at the door. Bounds every
    /// string, whatever its field, so no free-text member can carry a document; fields check tighter limits of their own.
    /// </summary>
    private sealed class PlainTextConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            if (text is { Length: > MaxTextLength })
                throw new JsonException($"Text may be at most {MaxTextLength} characters.");
            return text is not null && text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                ? throw new JsonException("Text may not contain control characters.")
                : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
