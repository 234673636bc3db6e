using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>An agency under one model, as a test's tables list it.</summary>
public sealed record KitAgency(string Ori, string State, ProgramModel Model = ProgramModel.JEM)
{
    public string Key => $"{Ori}:{Model}";
}

/// <summary>
/// Builds monthly reports with the report's own builder (<see cref="MonthlyReportBuilder"/>) from counts a test writes:
/// each agency's count per measure and agency-local month as the events give it now, changed between releases for late
/// facts. Measures a test leaves out count 0, but bookings screened, which counts <see cref="Screened"/> so that no row
/// falls under the small-caseload rule unless the test says so.
/// </summary>
public sealed class ReportKit(params KitAgency[] agencies)
{
    public const int Screened = 50;
    private readonly Dictionary<(string Ori, ProgramModel Model, string Fact, string Month), int> counts = [];
    private readonly List<ReleasedMonth> releases = [];

    /// <summary>Sets (replaces) counts: the events now give <paramref name="count"/> for the agency, measure and month.</summary>
    public ReportKit Count(string month, string measure, params (string Ori, int Count)[] byAgency)
    {
        foreach (var (ori, count) in byAgency)
        {
            var agency = agencies.Single(a => a.Ori == ori);
            counts[(agency.Ori, agency.Model, ReportMeasures.Named(measure).Fact, month)] = count;
        }
        return this;
    }

    /// <summary>Builds the month's report as it stands and records it as released (the month's next version).</summary>
    public MonthlyReport Release(string month)
    {
        var m = StatisticsCalendar.ParseMonth(month)!.Value;
        foreach (var a in agencies)
            foreach (var k in Enumerable.Range(0, 14).Select(i => StatisticsCalendar.Name(m.AddMonths(-i))))
                counts.TryAdd((a.Ori, a.Model, Measures.BookingsScreened, k), Screened);
        var latest = releases.GroupBy(r => r.Report.Month).Select(g => g.MaxBy(r => r.Version)!).ToList();
        var encounters = StatisticsCalendar.MonthsOf(StatisticsCalendar.FiscalYearOf(m)).Where(k => k <= m)
            .Sum(k => agencies.Sum(a => counts.GetValueOrDefault((a.Ori, a.Model, Measures.Encounters, StatisticsCalendar.Name(k)))));
        var report = MonthlyReportBuilder.Build(m, 0, new ProgramTotals(month, ["test"], 0, 0, 0, 0, [], encounters),
            [.. agencies.Select(a => new ReportAgency(a.Ori, $"Agency {a.Ori}", a.State, a.Model))], new ReportCounts(counts), latest);
        releases.Add(new ReleasedMonth(releases.Count(r => r.Report.Month == month) + 1, report));
        return report;
    }
}
