using System.Globalization;

namespace CaseFlow.Server.Platform;

/// <summary>A value as an RFC 4180 field: invariant culture, durations as <c>d.hh:mm:ss</c>, booleans in lower case, quoted when it must be.</summary>
public static class CsvField
{
    public static string Of(object? value)
    {
        var text = value switch
        {
            null => "",
            TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
