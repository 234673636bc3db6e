using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFlow.Server.Platform;

/// <summary>
/// Lists of objects or strings in requests may not hold <c>null</c>: System.Text.Json's nullable annotations cover
/// members but not list elements, and a <c>[null]</c> would otherwise reach code that trusts the type.
/// </summary>
public sealed class NoNullElementsConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType
        && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
        && !typeToConvert.GetGenericArguments()[0].IsValueType;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ListConverter<T> : JsonConverter<IReadOnlyList<T>>
        where T : class
    {
        public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var items = JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? [];
            return items.Exists(item => item is null) ? throw new JsonException("A list may not contain null.") : items;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.AsEnumerable(), options);
    }
}
