using System.Globalization;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Platform;

namespace CaseFlow.Server.Reports;

/// <summary>The query of a report read: the CSV table, the position to wait for (drafts), the version and variant (releases).</summary>
public sealed record ReportQuery([property: NamesOf(typeof(ReportTable))] string? Table = null, string? Position = null, string? Version = null, string? Variant = null);

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
    public const string HtmlSuffix = ".html";

    /// <param name="month">The path's month, <c>YYYY-MM</c>, with <c>.html</c> after it for the page.</param>
    /// <param name="released">Whether a release is read (version and variant apply) or the draft (position applies).</param>
    public static ReportRequest? Read(string month, ReportQuery query, HttpRequest http, bool released, FieldErrors errors, bool html = false)
    {
        html |= month.EndsWith(HtmlSuffix, StringComparison.Ordinal);
        var parsed = StatisticsCalendar.ParseMonth(html && month.EndsWith(HtmlSuffix, StringComparison.Ordinal) ? month[..^HtmlSuffix.Length] : month);
        if (parsed is null)
            errors.Add("month", "month must be a month YYYY-MM from 2000-01 to 2099-12 (with .html after it for the page).");
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
            if (released && int.TryParse(query.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= 9999)
                version = v;
            else
                errors.Add("version", released ? "version must be a release version from 1 to 9999." : "A draft has no version: version applies to releases.");
        }

        var isPublic = query.Variant == PublicVariant.Name;
        if (query.Variant is not null && (!released || !isPublic))
            errors.Add("variant", released ? "variant must be public." : "The public variant is of releases only: read .../released?variant=public.");
        if (isPublic && format != ReportFormat.Json)
            errors.Add("variant", "The public variant is answered as JSON only.");
        return errors.Count > 0 ? null : new ReportRequest(parsed!.Value, format, query.Table, position, version, isPublic);
    }
}
