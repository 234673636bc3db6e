using System.Globalization;
using CaseFlow.Domain;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Platform;

namespace CaseFlow.Server.Statistics;

/// <summary>The query of every statistics read: a fiscal year (<c>fy=2026</c>) or a month (<c>month=2026-02</c>), a model, and the position to wait for.</summary>
public sealed record StatisticsPeriod(
    [property: ReadAs<FiscalYearParameter>] string? Fy = null, [property: ReadAs<MonthParameter>] string? Month = null,
    [property: NamesOf(typeof(ProgramModel))] string? Model = null, [property: ReadAs<StreamPosition>] string? Position = null);

/// <summary>The roll-up levels, as the paths name them.</summary>
public enum StatisticsLevel
{
    Jurisdiction,
    State,
    FieldOffice,
    National,
}

/// <summary>A statistics request, read and checked: the level and its code, the fiscal year and month, the model and the position.</summary>
public sealed record StatisticsRequest(StatisticsLevel Level, string? Code, int FiscalYear, DateOnly? Month, ProgramModel? Model, long? Position)
{
    public string LevelName => Level switch
    {
        StatisticsLevel.Jurisdiction => "jurisdiction",
        StatisticsLevel.State => "state",
        StatisticsLevel.FieldOffice => "field-office",
        _ => "national",
    };

    /// <param name="today">The fiscal year asked for when neither <c>fy</c> nor <c>month</c> is given is that of this date.</param>
    public static StatisticsRequest? Read(StatisticsLevel level, string? code, StatisticsPeriod period, DateOnly today, FieldErrors errors)
    {
        var checkedCode = level switch
        {
            StatisticsLevel.Jurisdiction => errors.Ori("ori", code ?? ""),
            StatisticsLevel.State => errors.StateCode("state", code),
            StatisticsLevel.FieldOffice => errors.FieldOfficeCode("code", code),
            _ => null,
        };
        var month = period.Month is null ? null : MonthParameter.Read(errors, "month", period.Month);
        int? fy = null;
        if (period.Fy is not null)
        {
            if (int.TryParse(period.Fy, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= StatisticsCalendar.FirstYear and <= StatisticsCalendar.LastYear)
                fy = year;
            else
                errors.Add("fy", $"fy must be a fiscal year from {StatisticsCalendar.FirstYear} to {StatisticsCalendar.LastYear} (FY2026 runs from 2025-10-01 to 2026-09-30).");
            if (period.Month is not null)
                errors.Add("fy", "Ask for a fiscal year or a month, not both.");
        }

        var model = errors.Enum<ProgramModel>("model", period.Model);
        var position = period.Position is null ? (long?)null : errors.Position("position", period.Position);
        if (errors.Count > 0)
            return null;
        var fiscalYear = fy ?? StatisticsCalendar.FiscalYearOf(month ?? today);
        return new StatisticsRequest(level, checkedCode, fiscalYear, month, model, position);
    }
}

/// <summary>A fiscal year (<c>fy=2026</c>), as <see cref="StatisticsRequest.Read"/> reads it.</summary>
public sealed class FiscalYearParameter : IParameterForm
{
    public static void Describe(Microsoft.OpenApi.OpenApiSchema schema)
    {
        schema.Type = Microsoft.OpenApi.JsonSchemaType.Integer;
        schema.Format = "int32";
        schema.Minimum = StatisticsCalendar.FirstYear.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = StatisticsCalendar.LastYear.ToString(CultureInfo.InvariantCulture);
    }
}
