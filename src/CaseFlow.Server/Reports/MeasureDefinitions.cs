using System.Text.RegularExpressions;
using CaseFlow.Domain.Reports;

namespace CaseFlow.Server.Reports;

/// <summary>A measure's definition as docs/statistics.md gives it: what it counts, when, and how voids and amendments move it (Markdown).</summary>
public sealed record MeasureDefinition(ReportMeasure Measure, string Counts, string DecidingInstant, string VoidsAndAmendments);

/// <summary>
/// The definitions of the report's measures, read from docs/statistics.md (embedded in the server), the one place a
/// measure is defined: the row of its case-measures table that names it.
/// </summary>
public static partial class MeasureDefinitions
{
    public static readonly IReadOnlyList<MeasureDefinition> All = Read();

    private static List<MeasureDefinition> Read()
    {
        using var stream = typeof(MeasureDefinitions).Assembly.GetManifestResourceStream("statistics.md")
            ?? throw new InvalidOperationException("docs/statistics.md is not embedded in the server.");
        var rows = new StreamReader(stream).ReadToEnd().Split('\n')
            .Select(line => line.Trim().Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length == 6)
            .ToList();
        return
        [
            .. ReportMeasures.All.Select(m => rows.FirstOrDefault(r => Names().Matches(r[1]).Any(n => n.Groups[1].Value == m.Name)) is { } row
                ? new MeasureDefinition(m, row[2], row[3], row[4])
                : throw new InvalidOperationException($"docs/statistics.md does not define {m.Name}.")),
        ];
    }

    [GeneratedRegex("`([A-Za-z0-9]+)`")]
    private static partial Regex Names();
}
