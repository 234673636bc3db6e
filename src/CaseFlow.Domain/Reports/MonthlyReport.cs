using System.Text.Json.Serialization;
using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Reports;

/// <summary>
/// One measure in one row of the monthly report: the count of the month, of the fiscal year up to and including the
/// month, and the change from the previous month's count (negative when it fell).
/// </summary>
/// <param name="Measure">The measure's name (<see cref="ReportMeasures"/>).</param>
public sealed record ReportFigure(string Measure, int Month, int FiscalYearToDate, int ChangeFromPreviousMonth);

/// <summary>The agencies of one state (USPS code), both models together.</summary>
public sealed record StateRow(string State, IReadOnlyList<ReportFigure> Figures);

/// <summary>One agency under one model's agreement: its ORI (or surrogate), name, state and model.</summary>
public sealed record AgencyRow(string Ori, string AgencyName, string State, ProgramModel Model, IReadOnlyList<ReportFigure> Figures)
{
    /// <summary>The row's key in a revision: <c>ORI:MODEL</c>, as agreements are keyed.</summary>
    [JsonIgnore]
    public string Key => $"{Ori}:{Model}";
}

/// <summary>
/// A figure of an earlier released month that has changed since its release (late facts, voids, corrections): the
/// released value stays in that release; this lists it beside the value the events now give.
/// </summary>
/// <param name="Month">The released month, <c>YYYY-MM</c>.</param>
/// <param name="Version">The release version the released value is from (the month's latest release).</param>
/// <param name="Table">Where the figure stands: <see cref="ReportTables.ProgramTotals"/> (row <see cref="ReportTables.NationalRow"/>), <see cref="ReportTables.States"/> (a state code) or <see cref="ReportTables.Agencies"/> (<c>ORI:MODEL</c>).</param>
/// <param name="Measure">The measure's name; the figure is the month's own count.</param>
public sealed record ReportRevision(string Month, int Version, string Table, string Row, string Measure, int ReleasedValue, int CurrentValue);

/// <summary>
/// The monthly 287(g) report (issue 17): the program totals ICE printed with its monthly reports, the month's national
/// figures, the month by state and by agency (each measure of <see cref="ReportMeasures"/> with its fiscal-year-to-date
/// count and month-over-month change), and the revisions of earlier released months. Every figure is a statistics
/// measure of docs/statistics.md, counted in the agency's local month.
/// </summary>
/// <param name="Month">The report's month, <c>YYYY-MM</c>.</param>
/// <param name="FiscalYear">The federal fiscal year the month is in (October to September, named for the year it ends in).</param>
/// <param name="Position">The global event position the statistics had applied when the report was computed.</param>
/// <param name="National">The month's figures over every agency, one per measure in <see cref="ReportMeasures"/> order.</param>
/// <param name="States">One row per state with an agreement in force at the month's end or a figure in the fiscal year, by code.</param>
/// <param name="Agencies">One row per agency and model with an agreement in force at the month's end or a figure in the fiscal year, by state, ORI and model.</param>
public sealed record MonthlyReport(
    string Month,
    int FiscalYear,
    long Position,
    EncounterDefinition EncounterPolicy,
    ProgramTotals ProgramTotals,
    IReadOnlyList<ReportFigure> National,
    IReadOnlyList<StateRow> States,
    IReadOnlyList<AgencyRow> Agencies,
    IReadOnlyList<ReportRevision> Revisions)
{
    /// <summary>"report": the figures as computed, against a release's public variant ("public"), for a reader of either.</summary>
    public string Kind => ReportKinds.Report;
}

/// <summary>The values of a report document's <c>kind</c>, by which a reader tells a report from its public variant.</summary>
public static class ReportKinds
{
    public const string Report = "report";
    public const string Public = "public";
}
