using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Reports;

/// <summary>
/// Assembles the monthly report from the statistics facts counted by agency and month: each agency's figures (the
/// month, the fiscal year up to it, the change from the month before), the states and the nation as the sums of their
/// agencies' rows, and the revisions of earlier released months whose figures the events now give otherwise.
/// </summary>
public static class MonthlyReportBuilder
{
    /// <param name="totals">The agreements in force at the month's end; the fiscal year's encounters are the national row's.</param>
    /// <param name="agencies">Every agency and model with an agreement; a row is kept when any of its figures is not zero.</param>
    /// <param name="counts">The facts of every month from the earliest of <paramref name="releases"/>' months, the fiscal year's start and the previous month, to <paramref name="month"/>.</param>
    /// <param name="releases">The latest release of each month; those before <paramref name="month"/> are checked for revisions.</param>
    public static MonthlyReport Build(
        DateOnly month, long position, ProgramTotals totals, IReadOnlyList<ReportAgency> agencies, ReportCounts counts, IReadOnlyList<ReleasedMonth> releases)
    {
        var rows = AgencyRows(month, agencies, counts);
        var states = rows.GroupBy(r => r.State).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StateRow(g.Key, Sum(g.Select(r => r.Figures)))).ToList();
        var revisions = releases.Where(r => string.CompareOrdinal(r.Report.Month, StatisticsCalendar.Name(month)) < 0)
            .OrderBy(r => r.Report.Month, StringComparer.Ordinal)
            .SelectMany(r => Revisions(r, agencies, counts)).ToList();
        var national = Sum(rows.Select(r => r.Figures));
        var encounters = national.Single(f => ReportMeasures.Named(f.Measure).Fact == Measures.Encounters).FiscalYearToDate;
        return new MonthlyReport(StatisticsCalendar.Name(month), StatisticsCalendar.FiscalYearOf(month), position, EncounterDefinition.Current,
            totals with { EncountersFiscalYearToDate = encounters }, national, states, rows, revisions);
    }

    private static List<AgencyRow> AgencyRows(DateOnly month, IReadOnlyList<ReportAgency> agencies, ReportCounts counts)
    {
        var name = StatisticsCalendar.Name(month);
        var previous = StatisticsCalendar.Name(month.AddMonths(-1));
        var toDate = StatisticsCalendar.MonthsOf(StatisticsCalendar.FiscalYearOf(month)).Where(m => m <= month).Select(StatisticsCalendar.Name).ToList();
        return
        [
            .. agencies
                .Select(a => new AgencyRow(a.Ori, a.AgencyName, a.State, a.Model, [.. ReportMeasures.All.Select(m =>
                {
                    var months = counts.Months(a.Ori, a.Model, m.Fact);
                    var count = months.GetValueOrDefault(name);
                    return new ReportFigure(m.Name, count, toDate.Sum(d => months.GetValueOrDefault(d)), count - months.GetValueOrDefault(previous));
                })]))
                .Where(r => r.Figures.Any(f => f is not { Month: 0, FiscalYearToDate: 0, ChangeFromPreviousMonth: 0 }))
                .OrderBy(r => r.State, StringComparer.Ordinal).ThenBy(r => r.Ori, StringComparer.Ordinal).ThenBy(r => r.Model),
        ];
    }

    /// <summary>Figures summed measure by measure (every row lists the measures in the same order).</summary>
    private static List<ReportFigure> Sum(IEnumerable<IReadOnlyList<ReportFigure>> rows)
    {
        var sums = ReportMeasures.All.Select(m => new ReportFigure(m.Name, 0, 0, 0)).ToList();
        foreach (var row in rows)
        {
            for (var i = 0; i < sums.Count; i++)
                sums[i] = sums[i] with
                {
                    Month = sums[i].Month + row[i].Month,
                    FiscalYearToDate = sums[i].FiscalYearToDate + row[i].FiscalYearToDate,
                    ChangeFromPreviousMonth = sums[i].ChangeFromPreviousMonth + row[i].ChangeFromPreviousMonth,
                };
        }

        return sums;
    }

    /// <summary>The released month's own counts that the events now give otherwise, table by table, in the report's order.</summary>
    private static IEnumerable<ReportRevision> Revisions(ReleasedMonth release, IReadOnlyList<ReportAgency> agencies, ReportCounts counts)
    {
        var month = StatisticsCalendar.ParseMonth(release.Report.Month)!.Value;
        var live = MonthValues(Rebuilt(month, agencies, counts));
        var released = MonthValues(release.Report);
        return live.Keys.Union(released.Keys)
            .Select(k => (Key: k, Released: released.GetValueOrDefault(k), Current: live.GetValueOrDefault(k)))
            .Where(c => c.Released != c.Current)
            .OrderBy(c => IndexIn(ReportTables.All, c.Key.Table)).ThenBy(c => c.Key.Row, StringComparer.Ordinal)
            .ThenBy(c => IndexIn(ReportMeasures.All, ReportMeasures.Named(c.Key.Measure)))
            .Select(c => new ReportRevision(release.Report.Month, release.Version, c.Key.Table, c.Key.Row, c.Key.Measure, c.Released, c.Current));
    }

    private static int IndexIn<T>(IReadOnlyList<T> list, T item) => list.Select((x, i) => (x, i)).First(p => Equals(p.x, item)).i;

    private static MonthlyReport Rebuilt(DateOnly month, IReadOnlyList<ReportAgency> agencies, ReportCounts counts) =>
        Build(month, 0, EmptyTotals, agencies, counts, []);

    private static readonly ProgramTotals EmptyTotals = new("", [], 0, 0, 0, 0, [], 0);

    private static Dictionary<(string Table, string Row, string Measure), int> MonthValues(MonthlyReport report) =>
        report.National.Select(f => (Key: (ReportTables.ProgramTotals, ReportTables.NationalRow, f.Measure), f.Month))
            .Concat(report.States.SelectMany(s => s.Figures.Select(f => (Key: (ReportTables.States, s.State, f.Measure), f.Month))))
            .Concat(report.Agencies.SelectMany(a => a.Figures.Select(f => (Key: (ReportTables.Agencies, a.Key, f.Measure), f.Month))))
            .ToDictionary(x => x.Key, x => x.Month);
}
