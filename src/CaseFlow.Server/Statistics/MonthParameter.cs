using Microsoft.OpenApi;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Platform;

namespace CaseFlow.Server.Statistics;

/// <summary>A month (<c>2026-02</c>) in a query or a path, as statistics and reports read it (<see cref="StatisticsCalendar.ParseMonth"/>).</summary>
public sealed class MonthParameter : IParameterForm
{
    public static readonly string Expected = $"a month YYYY-MM from {StatisticsCalendar.FirstYear}-01 to {StatisticsCalendar.LastYear}-12";

    /// <summary>The month, or null with an error naming <paramref name="name"/>; <paramref name="also"/> adds to the message what else the text may carry.</summary>
    public static DateOnly? Read(FieldErrors errors, string name, string? text, string also = "")
    {
        if (StatisticsCalendar.ParseMonth(text) is { } month)
            return month;
        errors.Add(name, $"{name} must be {Expected}{also}.");
        return null;
    }

    public static void Describe(OpenApiSchema schema) => Describe(schema, StatisticsCalendar.MonthPattern, 7);

    internal static void Describe(OpenApiSchema schema, string pattern, int maxLength)
    {
        schema.Type = JsonSchemaType.String;
        schema.Pattern = pattern;
        schema.MinLength = 7;
        schema.MaxLength = maxLength;
    }
}

/// <summary>The draft report's month in its path: a month, or a month with <c>.html</c> after it for the printable page.</summary>
public sealed class MonthOrPageParameter : IParameterForm
{
    public const string PageSuffix = ".html";

    public static void Describe(OpenApiSchema schema) =>
        MonthParameter.Describe(schema, "^" + StatisticsCalendar.MonthForm + "(\\.html)?$", 7 + PageSuffix.Length);
}
