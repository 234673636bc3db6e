using System.Text;
using System.Text.Json;
using System.Reflection;
using CaseFlow.Server.Platform;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace CaseFlow.Server.Statistics;

/// <summary>
/// A statistics answer as CSV (RFC 4180), one value a line: <c>period,figure,key,value</c>. The answer's header
/// (scope, position, the encounter definition, the program totals) comes first with an empty period, then every
/// figure of every month and of the period's total, a breakdown one line per key. Figures are named as in the JSON.
/// </summary>
public static class StatisticsCsv
{
    public const string MediaType = "text/csv";
    public const string Header = "period,figure,key,value";

    private static readonly PropertyInfo[] Figures =
        [.. typeof(PeriodFigures).GetProperties().Where(p => p.Name != nameof(PeriodFigures.Period))];

    /// <summary>Declares, on the operations of endpoints marked <see cref="AnswersCsvAttribute"/>, the CSV form of their 200 answer beside the JSON.</summary>
    public static Task DescribeCsv(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var chain = context.Description.ActionDescriptor.EndpointMetadata.OfType<HttpChain>().SingleOrDefault();
        if (chain?.Method.Method.GetCustomAttribute<AnswersCsvAttribute>() is not null && operation.Responses?.GetValueOrDefault("200")?.Content is { } content)
            content[MediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "period,figure,key,value lines (RFC 4180)" } };
        return Task.CompletedTask;
    }

    public static bool Accepts(HttpRequest request) => Platform.AcceptHeader.Lists(request, MediaType);

    public static string Write(StatisticsAnswer answer)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        void Line(string period, string figure, string? key, object? value) =>
            csv.AppendJoin(',', CsvField.Of(period), CsvField.Of(figure), CsvField.Of(key), CsvField.Of(value)).Append("\r\n");

        Line("", "scope", answer.Scope.Level, answer.Scope.Code);
        Line("", "model", null, answer.Scope.Model?.ToString());
        Line("", "fiscalYear", null, answer.FiscalYear);
        Line("", "month", null, answer.Month);
        Line("", "position", null, answer.Position);
        Line("", "stale", null, answer.Stale);
        Line("", "encounterPolicy", answer.EncounterPolicy.Version, answer.EncounterPolicy.Definition);
        var totals = answer.ProgramTotals;
        Line("", "programTotals.asOfMonth", null, totals.AsOfMonth);
        foreach (var source in totals.Sources)
            Line("", "programTotals.source", null, source);
        Line("", "programTotals.agreements", "JEM", totals.AgreementsJem);
        Line("", "programTotals.agreements", "WSO", totals.AgreementsWso);
        Line("", "programTotals.states", "JEM", totals.StatesJem);
        Line("", "programTotals.states", "WSO", totals.StatesWso);
        foreach (var state in totals.ByState)
        {
            Line("", "programTotals.byState", $"{state.State}:JEM", state.Jem);
            Line("", "programTotals.byState", $"{state.State}:WSO", state.Wso);
        }

        Line("", "programTotals.encountersFiscalYearToDate", null, totals.EncountersFiscalYearToDate);
        foreach (var figures in answer.Months.Append(answer.Total).DistinctBy(f => f.Period))
        {
            foreach (var property in Figures)
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                if (property.GetValue(figures) is IReadOnlyList<KeyCount> breakdown)
                {
                    foreach (var item in breakdown)
                        Line(figures.Period, name, item.Key, item.Count);
                }
                else
                {
                    Line(figures.Period, name, null, property.GetValue(figures));
                }
            }
        }

        return csv.ToString();
    }
}

/// <summary>The endpoint answers <c>text/csv</c> (<see cref="StatisticsCsv"/>) when the request's Accept asks for it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnswersCsvAttribute : Attribute;
