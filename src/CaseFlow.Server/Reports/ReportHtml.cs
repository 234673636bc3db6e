using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Statistics;

namespace CaseFlow.Server.Reports;

/// <summary>
/// The report as one self-contained printable page: inline style, charts drawn as inline SVG, a table of contents,
/// tables with captions, scoped headers and units, and the measures' definitions at the end. Nothing is loaded from
/// anywhere. Every figure cell carries <c>data-table</c>, <c>data-row</c>, <c>data-measure</c> and <c>data-figure</c>.
/// </summary>
public static partial class ReportHtml
{
    public const string MediaType = "text/html";

    public static string Write(MonthlyReport report, ReleaseStamp? release)
    {
        var month = DateOnly.ParseExact(report.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = $"287(g) Program Monthly Report: {month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}";
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title><style>").Append(ReportStyle.Css).Append("</style></head><body><main>");
        Header(page, report, title, release);
        Contents(page);
        ProgramTotals(page, report);
        National(page, report);
        States(page, report);
        Agencies(page, report);
        Revisions(page, report);
        Definitions(page, report);
        return page.Append("</main></body></html>").ToString();
    }

    private static void Header(StringBuilder page, MonthlyReport report, string title, ReleaseStamp? release)
    {
        page.Append("<header><p class=\"kicker\">U.S. Immigration and Customs Enforcement · 287(g) Program</p><h1>").Append(E(title)).Append("</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"sub\">Fiscal year {report.FiscalYear} · figures counted in each agency's local calendar month · as of event position {report.Position:N0}</p>");
        page.Append(release is { } r
            ? $"<p class=\"status released\">Released version {r.Version}, approved {r.ApprovedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC · SHA-256 <code>{r.Sha256}</code></p>"
            : "<p class=\"status draft\">Draft: not approved for release. Figures change as late facts and corrections arrive.</p>");
        page.Append("</header>");
    }

    private static void Contents(StringBuilder page) => page.Append(
        "<nav aria-label=\"Contents\"><h2>Contents</h2><ol>" +
        "<li><a href=\"#program-totals\">Program totals</a></li><li><a href=\"#national\">The month nationwide</a></li>" +
        "<li><a href=\"#states\">By state</a></li><li><a href=\"#agencies\">By agency</a></li>" +
        "<li><a href=\"#revisions\">Revisions of earlier releases</a></li><li><a href=\"#definitions\">Definitions</a></li></ol></nav>");

    private static void ProgramTotals(StringBuilder page, MonthlyReport report)
    {
        var t = report.ProgramTotals;
        page.Append("<section id=\"program-totals\"><h2>Program totals</h2><div class=\"cards\">")
            .Append(Card("JEM agreements", t.AgreementsJem, $"in {t.StatesJem} states", "agreementsJem"))
            .Append(Card("WSO agreements", t.AgreementsWso, $"in {t.StatesWso} states", "agreementsWso"))
            .Append(Card("Encounters, fiscal year to date", t.EncountersFiscalYearToDate, $"FY{report.FiscalYear} through {report.Month}", "encountersFiscalYearToDate"))
            .Append("</div>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Agreements in force at the end of {E(t.AsOfMonth)} in each agency's time zone (Jail Enforcement Model and Warrant Service Officer), source: {E(string.Join("; ", t.Sources))}. {E(report.EncounterPolicy.Version)}: {E(report.EncounterPolicy.Definition)}</p>")
            .Append("<div class=\"columns\">");
        var third = (t.ByState.Count + 2) / 3;
        foreach (var part in t.ByState.Chunk(Math.Max(1, third)))
        {
            page.Append(CultureInfo.InvariantCulture, $"<table class=\"compact\"><caption>Agreements in force, {E(part[0].State)} to {E(part[^1].State)} (agreements)</caption>")
                .Append("<thead><tr><th scope=\"col\">State</th><th scope=\"col\" class=\"num\">JEM</th><th scope=\"col\" class=\"num\">WSO</th></tr></thead><tbody>");
            foreach (var s in part)
                page.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(s.State)}</th><td class=\"num\">{s.Jem:N0}</td><td class=\"num\">{s.Wso:N0}</td></tr>");
            page.Append("</tbody></table>");
        }

        page.Append("</div></section>");
    }

    private static string Card(string label, int value, string note, string figure) => string.Create(CultureInfo.InvariantCulture,
        $"<div class=\"card\"><p class=\"label\">{E(label)}</p><p class=\"big\" data-table=\"program-totals\" data-figure=\"{figure}\" data-value=\"{value}\">{value:N0}</p><p class=\"note\">{E(note)}</p></div>");

    private static void National(StringBuilder page, MonthlyReport report)
    {
        page.Append("<section id=\"national\"><h2>The month nationwide</h2><figure>")
            .Append(ReportCharts.Bars("chart-national", $"{report.Month} against the month before, every agency",
                "Each measure's count this month beside the previous month's.",
                [.. report.National.Select(f => new ChartBar(ReportMeasures.Named(f.Measure).Label, f.Month, f.Month - f.ChangeFromPreviousMonth))],
                "Previous month", report.Month))
            .Append("<figcaption>This month against the previous month, every agency (counts).</figcaption></figure>")
            .Append("<table><caption>National figures: the month, the fiscal year to date and the change from the previous month</caption><thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Unit</th><th scope=\"col\" class=\"num\">Month</th><th scope=\"col\" class=\"num\">Fiscal year to date</th><th scope=\"col\" class=\"num\">Change</th></tr></thead><tbody>");
        foreach (var f in report.National)
        {
            var measure = ReportMeasures.Named(f.Measure);
            page.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(measure.Label)}</th><td>{E(measure.Unit)}</td>")
                .Append(Cells(ReportTables.ProgramTotals, ReportTables.NationalRow, f)).Append("</tr>");
        }

        page.Append("</tbody></table></section>");
    }

    private static void States(StringBuilder page, MonthlyReport report)
    {
        page.Append("<section id=\"states\"><h2>By state</h2>");
        var ranked = report.States.OrderByDescending(s => s.Figures[0].Month).ThenBy(s => s.State, StringComparer.Ordinal).Take(12).ToList();
        if (ranked.Count > 0)
        {
            page.Append("<figure>").Append(ReportCharts.Bars("chart-states", $"{ReportMeasures.All[0].Label} by state, {report.Month}",
                    $"The states with the most {ReportMeasures.All[0].Label.ToLowerInvariant()} this month, largest first.",
                    [.. ranked.Select(s => new ChartBar(s.State, s.Figures[0].Month))]))
                .Append(CultureInfo.InvariantCulture, $"<figcaption>{E(ReportMeasures.All[0].Label)} this month, the {ranked.Count} largest states.</figcaption></figure>");
        }

        Table(page, ReportTables.States, "Each state's agencies, both models: the month, the fiscal year to date (FYTD) and the change from the previous month (Δ)",
            ["State"], [.. report.States.Select(s => (s.State, (IReadOnlyList<string>)[s.State], s.Figures))]);
        page.Append("</section>");
    }

    private static void Agencies(StringBuilder page, MonthlyReport report)
    {
        page.Append("<section id=\"agencies\"><h2>By agency</h2>");
        Table(page, ReportTables.Agencies, "Each agency under each model's agreement: the month, the fiscal year to date (FYTD) and the change from the previous month (Δ)",
            ["Agency", "ORI", "State", "Model"],
            [.. report.Agencies.Select(a => (a.Key, (IReadOnlyList<string>)[a.AgencyName, a.Ori, a.State, a.Model.ToString()], a.Figures))]);
        page.Append("</section>");
    }

    private static void Table(StringBuilder page, string table, string caption, IReadOnlyList<string> keys, IReadOnlyList<(string Row, IReadOnlyList<string> Keys, IReadOnlyList<ReportFigure> Figures)> rows)
    {
        if (rows.Count == 0)
        {
            page.Append("<p class=\"empty\">Nothing was counted in the fiscal year so far.</p>");
            return;
        }

        page.Append("<div class=\"wide\"><table class=\"figures\"><caption>").Append(E(caption)).Append("</caption><thead><tr>");
        foreach (var key in keys)
            page.Append("<th scope=\"col\" rowspan=\"2\">").Append(E(key)).Append("</th>");
        foreach (var m in ReportMeasures.All)
            page.Append(CultureInfo.InvariantCulture, $"<th scope=\"colgroup\" colspan=\"3\">{E(m.Label)} <span class=\"unit\">({E(m.Unit)})</span></th>");
        page.Append("</tr><tr>");
        foreach (var _ in ReportMeasures.All)
            page.Append("<th scope=\"col\" class=\"num\">Month</th><th scope=\"col\" class=\"num\">FYTD</th><th scope=\"col\" class=\"num\">Δ</th>");
        page.Append("</tr></thead><tbody>");
        foreach (var (row, names, figures) in rows)
        {
            page.Append("<tr><th scope=\"row\">").Append(E(names[0])).Append("</th>");
            foreach (var name in names.Skip(1))
                page.Append("<td>").Append(E(name)).Append("</td>");
            foreach (var f in figures)
                page.Append(Cells(table, row, f));
            page.Append("</tr>");
        }

        page.Append("</tbody></table></div>");
    }

    private static string Cells(string table, string row, ReportFigure f) =>
        Cell(table, row, f.Measure, "month", f.Month, "") + Cell(table, row, f.Measure, "fiscalYearToDate", f.FiscalYearToDate, "ytd")
        + Cell(table, row, f.Measure, "changeFromPreviousMonth", f.ChangeFromPreviousMonth, f.ChangeFromPreviousMonth switch { > 0 => "up", < 0 => "down", _ => "flat" });

    private static string Cell(string table, string row, string measure, string figure, int value, string style)
    {
        var shown = (figure == "changeFromPreviousMonth" && value > 0 ? "+" : "") + value.ToString("N0", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"<td class=\"num {style}\" data-table=\"{table}\" data-row=\"{E(row)}\" data-measure=\"{measure}\" data-figure=\"{figure}\" data-value=\"{value}\">{shown.Replace("-", "−", StringComparison.Ordinal)}</td>");
    }

    private static void Revisions(StringBuilder page, MonthlyReport report)
    {
        page.Append("<section id=\"revisions\"><h2>Revisions of earlier releases</h2>");
        if (report.Revisions.Count == 0)
        {
            page.Append("<p class=\"empty\">No figure of an earlier released month has changed since its release.</p></section>");
            return;
        }

        page.Append("<p class=\"note\">A release is never altered. These released figures of earlier months have since changed with late facts, voids or corrections; the current value is what the events give now.</p>")
            .Append("<table><caption>Released month figures that have changed (counts)</caption><thead><tr><th scope=\"col\">Month</th><th scope=\"col\">Version</th><th scope=\"col\">Table</th><th scope=\"col\">Row</th><th scope=\"col\">Measure</th><th scope=\"col\" class=\"num\">Released</th><th scope=\"col\" class=\"num\">Current</th></tr></thead><tbody>");
        foreach (var r in report.Revisions)
        {
            page.Append(CultureInfo.InvariantCulture,
                $"<tr><th scope=\"row\">{E(r.Month)}</th><td>{r.Version}</td><td>{E(r.Table)}</td><td>{E(r.Row)}</td><td>{E(ReportMeasures.Named(r.Measure).Label)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-table=\"revisions\" data-row=\"{E($"{r.Month}|{r.Table}|{r.Row}")}\" data-measure=\"{r.Measure}\" data-figure=\"releasedValue\" data-value=\"{r.ReleasedValue}\">{r.ReleasedValue:N0}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-table=\"revisions\" data-row=\"{E($"{r.Month}|{r.Table}|{r.Row}")}\" data-measure=\"{r.Measure}\" data-figure=\"currentValue\" data-value=\"{r.CurrentValue}\">{r.CurrentValue:N0}</td></tr>");
        }

        page.Append("</tbody></table></section>");
    }

    private static void Definitions(StringBuilder page, MonthlyReport report)
    {
        page.Append("<section id=\"definitions\"><h2>Definitions</h2><p class=\"note\">From CaseFlow's statistics definitions (docs/statistics.md). Each case counts at most once per measure, in the agency-local month of the deciding instant; a voided step counts for nothing.</p><dl>")
            .Append(CultureInfo.InvariantCulture, $"<dt>Encounter ({E(report.EncounterPolicy.Version)})</dt><dd>{E(report.EncounterPolicy.Definition)}</dd>");
        foreach (var d in MeasureDefinitions.All)
        {
            page.Append(CultureInfo.InvariantCulture, $"<dt>{E(d.Measure.Label)} <code>{d.Measure.Name}</code></dt><dd>Counts {Markdown(d.Counts)}; ")
                .Append(CultureInfo.InvariantCulture, $"when: {Markdown(d.DecidingInstant)}; voids and amendments: {Markdown(d.VoidsAndAmendments)}.</dd>");
        }

        page.Append("</dl></section>");
    }

    /// <summary>The definitions' Markdown: only code spans are marked up.</summary>
    private static string Markdown(string text) => CodeSpan().Replace(E(text), "<code>$1</code>");

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
