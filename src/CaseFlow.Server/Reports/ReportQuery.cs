using System.Globalization;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Reports;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Statistics;

namespace CaseFlow.Server.Reports;

/// <summary>The query of a report read: the CSV table, the position to wait for (drafts), the version and variant (releases).</summary>
public sealed record ReportQuery(
    [property: NamesOf(typeof(ReportTable))] string? Table = null, [property: ReadAs<StreamPosition>] string? Position = null,
    [property: ReadAs<ReleaseVersion>] string? Version = null, [property: NamesOf(typeof(ReportVariant))] string? Variant = null);

/// <summary>The variants of a release as <c>variant=</c> names them (the release itself is read without it), for the OpenAPI document.</summary>
public enum ReportVariant
{
    [JsonStringEnumMemberName(PublicVariant.Name)] Public,
}

/// <summary>A release's version (<c>version=2</c>), as <see cref="ReportRequest.Read"/> reads it.</summary>
public sealed class ReleaseVersion : IParameterForm
{
    public const int Max = 9999;

    public static void Describe(Microsoft.OpenApi.OpenApiSchema schema)
    {
        schema.Type = Microsoft.OpenApi.JsonSchemaType.Integer;
        schema.Format = "int32";
        schema.Minimum = "1";
        schema.Maximum = Max.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>The tables of a report as <c>table=</c> names them (<see cref="ReportTables"/>), for the OpenAPI document.</summary>
public enum ReportTable
{
    [JsonStringEnumMemberName(ReportTables.ProgramTotals)] ProgramTotals,
    [JsonStringEnumMemberName(ReportTables.States)] States,
    [JsonStringEnumMemberName(ReportTables.Agencies)] Agencies,
    [JsonStringEnumMemberName(ReportTables.Revisions)] Revisions,
}

/// <summary>The forms a report is answered in.</summary>
public enum ReportFormat
{
    Json,
    Csv,
    Html,
}

/// <summary>A report read, checked: the month, the form (by <c>.html</c> or Accept), the CSV table, and the draft's position or the release's version and variant.</summary>
public sealed record ReportRequest(DateOnly Month, ReportFormat Format, string? Table, long? Position, int? Version, bool Public)
{
    /// <param name="month">The path's month, <c>YYYY-MM</c>; the draft's may have <c>.html</c> after it for the page.</param>
    /// <param name="released">Whether a release is read (version and variant apply) or the draft (position applies).</param>
    public static ReportRequest? Read(string month, ReportQuery query, HttpRequest http, bool released, FieldErrors errors, bool html = false)
    {
        var page = !released && month.EndsWith(MonthOrPageParameter.PageSuffix, StringComparison.Ordinal);
        html |= page;
        var parsed = MonthParameter.Read(errors, "month", page ? month[..^MonthOrPageParameter.PageSuffix.Length] : month, released ? "" : " (with .html after it for the page)");
        var format = html || AcceptHeader.Lists(http, ReportHtml.MediaType) ? ReportFormat.Html : AcceptHeader.Lists(http, ReportCsv.MediaType) ? ReportFormat.Csv : ReportFormat.Json;
        if (query.Table is not null && !ReportTables.All.Contains(query.Table))
            errors.Add("table", $"table must be one of {string.Join(", ", ReportTables.All)}.");
        if (format == ReportFormat.Csv && query.Table is null)
            errors.Add("table", $"A CSV answer is one table: name it with table= ({string.Join(", ", ReportTables.All)}).");
        var position = !released && query.Position is not null ? errors.Position("position", query.Position) : (long?)null;
        if (released && query.Position is not null)
            errors.Add("position", "A release does not change: position applies to the draft only.");
        int? version = null;
        if (query.Version is not null)
        {
            if (released && int.TryParse(query.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= ReleaseVersion.Max)
                version = v;
            else
                errors.Add("version", released ? $"version must be a release version from 1 to {ReleaseVersion.Max}." : "A draft has no version: version applies to releases.");
        }

        var isPublic = query.Variant == PublicVariant.Name;
        if (query.Variant is not null && (!released || !isPublic))
            errors.Add("variant", released ? $"variant must be one of {PublicVariant.Name}." : "The public variant is of releases only: read .../released?variant=public.");
        if (isPublic && format != ReportFormat.Json)
            errors.Add("variant", "The public variant is answered as JSON only.");
        return errors.Count > 0 ? null : new ReportRequest(parsed!.Value, format, query.Table, position, version, isPublic);
    }
}
