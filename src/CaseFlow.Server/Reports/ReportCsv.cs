using System.Text;
using CaseFlow.Domain.Reports;
using CaseFlow.Server.Platform;

namespace CaseFlow.Server.Reports;

/// <summary>
/// One table of a report as CSV (RFC 4180, CRLF), with a header line of stable column names (docs/reports.md) and the
/// report's month on every line, so each file reads on its own. Columns are named as the JSON's members.
/// </summary>
public static class ReportCsv
{
    public const string MediaType = "text/csv";

    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        [ReportTables.ProgramTotals] = "reportMonth,figure,key,value",
        [ReportTables.States] = "reportMonth,state,measure,month,fiscalYearToDate,changeFromPreviousMonth",
        [ReportTables.Agencies] = "reportMonth,ori,agencyName,state,model,measure,month,fiscalYearToDate,changeFromPreviousMonth",
        [ReportTables.Revisions] = "reportMonth,month,version,table,row,measure,releasedValue,currentValue",
    };

    public static string Write(MonthlyReport report, string table)
    {
        var csv = new StringBuilder(Headers[table]).Append("\r\n");
        void Line(params object?[] values) => csv.AppendJoin(',', values.Prepend(report.Month).Select(CsvField.Of)).Append("\r\n");
        switch (table)
        {
            case ReportTables.ProgramTotals:
                ProgramTotals(report, (figure, key, value) => Line(figure, key, value));
                break;
            case ReportTables.States:
                foreach (var row in report.States)
                    foreach (var f in row.Figures)
                        Line(row.State, f.Measure, f.Month, f.FiscalYearToDate, f.ChangeFromPreviousMonth);
                break;
            case ReportTables.Agencies:
                foreach (var row in report.Agencies)
                    foreach (var f in row.Figures)
                        Line(row.Ori, row.AgencyName, row.State, row.Model, f.Measure, f.Month, f.FiscalYearToDate, f.ChangeFromPreviousMonth);
                break;
            default:
                foreach (var r in report.Revisions)
                    Line(r.Month, r.Version, r.Table, r.Row, r.Measure, r.ReleasedValue, r.CurrentValue);
                break;
        }

        return csv.ToString();
    }

    /// <summary>The program totals, one value a line (<c>figure,key,value</c>), then the month's national figures.</summary>
    private static void ProgramTotals(MonthlyReport report, Action<string, string?, object?> line)
    {
        var totals = report.ProgramTotals;
        line("fiscalYear", null, report.FiscalYear);
        line("position", null, report.Position);
        line("encounterPolicy", report.EncounterPolicy.Version, report.EncounterPolicy.Definition);
        line("asOfMonth", null, totals.AsOfMonth);
        foreach (var source in totals.Sources)
            line("source", null, source);
        line("agreements", "JEM", totals.AgreementsJem);
        line("agreements", "WSO", totals.AgreementsWso);
        line("states", "JEM", totals.StatesJem);
        line("states", "WSO", totals.StatesWso);
        foreach (var state in totals.ByState)
        {
            line("agreementsInState", $"{state.State}:JEM", state.Jem);
            line("agreementsInState", $"{state.State}:WSO", state.Wso);
        }

        line("encountersFiscalYearToDate", null, totals.EncountersFiscalYearToDate);
        foreach (var f in report.National)
        {
            line("national.month", f.Measure, f.Month);
            line("national.fiscalYearToDate", f.Measure, f.FiscalYearToDate);
            line("national.changeFromPreviousMonth", f.Measure, f.ChangeFromPreviousMonth);
        }
    }
}
