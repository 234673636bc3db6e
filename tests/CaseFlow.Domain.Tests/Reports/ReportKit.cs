using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>An agency under one model, as a test's tables list it.</summary>
public sealed record KitAgency(string Ori, string State, ProgramModel Model = ProgramModel.JEM)
{
    public string Key => $"{Ori}:{Model}";
}

/// <summary>
/// Builds monthly reports the way the report defines them, from counts a test writes: each agency's count per measure
/// and agency-local month as the events give it now; a row is listed when any of its figures is not zero; states and
/// the nation sum their agencies; every earlier released month is compared with the counts now for the revisions.
/// Measures a test leaves out count 0, but bookings screened, which counts <see cref="Screened"/> so that no row falls
/// under the small-caseload rule unless the test says so.
/// </summary>
public sealed class ReportKit(params KitAgency[] agencies)
{
    public const int Screened = 50;
    private readonly Dictionary<(string Agency, string Measure, string Month), int> counts = [];
    private readonly List<(int Version, MonthlyReport Report)> releases = [];

    public IReadOnlyList<MonthlyReport> Released => [.. releases.Select(r => r.Report)];

    /// <summary>Sets (replaces) counts: the events now give <paramref name="count"/> for the agency, measure and month.</summary>
    public ReportKit Count(string month, string measure, params (string Ori, int Count)[] byAgency)
    {
        foreach (var (ori, count) in byAgency)
            counts[(agencies.Single(a => a.Ori == ori).Key, measure, month)] = count;
        return this;
    }

    /// <summary>Builds the month's report as it stands and records it as released (the month's next version).</summary>
    public MonthlyReport Release(string month)
    {
        var report = Build(month);
        releases.Add((releases.Count(r => r.Report.Month == month) + 1, report));
        return report;
    }

    public MonthlyReport Build(string month)
    {
        var m = StatisticsCalendar.ParseMonth(month)!.Value;
        var rows = AgencyRows(m);
        var states = rows.GroupBy(r => r.State).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StateRow(g.Key, Sum(g.Select(r => r.Figures)))).ToList();
        var latest = releases.Where(r => string.CompareOrdinal(r.Report.Month, month) < 0).GroupBy(r => r.Report.Month)
            .Select(g => g.MaxBy(r => r.Version)).OrderBy(r => r.Report.Month, StringComparer.Ordinal);
        var national = Sum(rows.Select(r => r.Figures));
        return new MonthlyReport(month, StatisticsCalendar.FiscalYearOf(m), 0, EncounterDefinition.Current,
            new ProgramTotals(month, ["test"], 0, 0, 0, 0, [], national.Single(f => f.Measure == "encounters").FiscalYearToDate),
            national, states, rows, [.. latest.SelectMany(r => Revisions(r.Version, r.Report))]);
    }

    private int At(KitAgency a, string measure, DateOnly month) =>
        counts.GetValueOrDefault((a.Key, measure, StatisticsCalendar.Name(month)), measure == "bookingsScreened" ? Screened : 0);

    private List<AgencyRow> AgencyRows(DateOnly month)
    {
        var toDate = StatisticsCalendar.MonthsOf(StatisticsCalendar.FiscalYearOf(month)).Where(k => k <= month).ToList();
        return
        [
            .. agencies.Select(a => new AgencyRow(a.Ori, $"Agency {a.Ori}", a.State, a.Model, [.. ReportMeasures.All.Select(m => new ReportFigure(m.Name,
                    At(a, m.Name, month), toDate.Sum(k => At(a, m.Name, k)), At(a, m.Name, month) - At(a, m.Name, month.AddMonths(-1))))]))
                .Where(r => r.Figures.Any(f => f is not { Month: 0, FiscalYearToDate: 0, ChangeFromPreviousMonth: 0 }))
                .OrderBy(r => r.State, StringComparer.Ordinal).ThenBy(r => r.Ori, StringComparer.Ordinal).ThenBy(r => r.Model),
        ];
    }

    private static List<ReportFigure> Sum(IEnumerable<IReadOnlyList<ReportFigure>> rows) =>
    [
        .. ReportMeasures.All.Select((m, i) => new ReportFigure(m.Name,
            rows.Sum(r => r[i].Month), rows.Sum(r => r[i].FiscalYearToDate), rows.Sum(r => r[i].ChangeFromPreviousMonth))),
    ];

    private IEnumerable<ReportRevision> Revisions(int version, MonthlyReport released)
    {
        var now = MonthValues(Build(released.Month) with { });
        var then = MonthValues(released);
        return now.Keys.Union(then.Keys)
            .Select(k => (Key: k, Released: then.GetValueOrDefault(k), Current: now.GetValueOrDefault(k)))
            .Where(c => c.Released != c.Current)
            .Select(c => new ReportRevision(released.Month, version, c.Key.Table, c.Key.Row, c.Key.Measure, c.Released, c.Current));
    }

    private static Dictionary<(string Table, string Row, string Measure), int> MonthValues(MonthlyReport report) =>
        report.National.Select(f => (Key: (ReportTables.ProgramTotals, ReportTables.NationalRow, f.Measure), f.Month))
            .Concat(report.States.SelectMany(s => s.Figures.Select(f => (Key: (ReportTables.States, s.State, f.Measure), f.Month))))
            .Concat(report.Agencies.SelectMany(a => a.Figures.Select(f => (Key: (ReportTables.Agencies, a.Key, f.Measure), f.Month))))
            .ToDictionary(x => x.Key, x => x.Month);
}
