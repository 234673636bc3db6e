using System.Globalization;
using System.Net;
using System.Text;

namespace CaseFlow.Server.Reports;

/// <summary>One bar of a chart: its label, value, and an optional second value drawn beside it (the previous month).</summary>
public sealed record ChartBar(string Label, int Value, int? Before = null);

/// <summary>
/// Horizontal bar charts as inline SVG, drawn on the server: no script, no font or image to load, and a title and
/// description for screen readers (the same figures are in the tables beside each chart).
/// </summary>
public static class ReportCharts
{
    private const int LabelWidth = 280, BarArea = 400, ValueWidth = 70, RowHeight = 30, Top = 10;

    public static string Bars(string id, string title, string description, IReadOnlyList<ChartBar> bars, string? beforeLegend = null, string? valueLegend = null)
    {
        var max = Math.Max(1, bars.Max(b => Math.Max(b.Value, b.Before ?? 0)));
        var height = Top * 2 + bars.Count * RowHeight + (beforeLegend is null ? 0 : 24);
        var width = LabelWidth + BarArea + ValueWidth;
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + i * RowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{LabelWidth - 8}\" y=\"{y + 19}\" text-anchor=\"end\">{E(bar.Label)}</text>");
            if (bar.Before is { } before)
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar before\" x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{Length(before, max)}\" height=\"9\" rx=\"2\"><title>{E(beforeLegend ?? "")}: {before:N0}</title></rect>");
            var (barY, barHeight) = bar.Before is null ? (y + 5, 18) : (y + 13, 13);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{barY}\" width=\"{Length(bar.Value, max)}\" height=\"{barHeight}\" rx=\"2\"><title>{E(bar.Label)}: {bar.Value:N0}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{LabelWidth + Length(bar.Value, max) + 6:0.#}\" y=\"{y + 23}\">{bar.Value:N0}</text>");
        }

        if (beforeLegend is not null)
        {
            var y = height - 16;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar before\" x=\"{LabelWidth}\" y=\"{y}\" width=\"14\" height=\"9\"/><text class=\"legend\" x=\"{LabelWidth + 20}\" y=\"{y + 9}\">{E(beforeLegend)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth + 200}\" y=\"{y}\" width=\"14\" height=\"9\"/><text class=\"legend\" x=\"{LabelWidth + 220}\" y=\"{y + 9}\">{E(valueLegend ?? "")}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A bar's length in the drawing; a non-zero count is always visible.</summary>
    private static double Length(int value, int max) => value == 0 ? 0 : Math.Max(2, Math.Round((double)value / max * BarArea, 1));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
