using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>The report's arithmetic on counts written here: the month, the fiscal year to date, the change, the sums, the rows kept, the revisions.</summary>
public class MonthlyReportBuilderTests
{
    private static readonly ReportAgency Austin = new("TX2270000", "Travis County Sheriff's Office", "TX", ProgramModel.JEM);
    private static readonly ReportAgency Dallas = new("TX0570000", "Dallas County Sheriff's Office", "TX", ProgramModel.WSO);
    private static readonly ReportAgency Miami = new("FL0130000", "Miami-Dade Corrections", "FL", ProgramModel.JEM);
    private static readonly ReportAgency Idle = new("GA0600000", "Fulton County Sheriff's Office", "GA", ProgramModel.JEM);
    private static readonly ProgramTotals Totals = new("2025-10", ["ICE's list of 2025-07-18"], 3, 1, 2, 1, [], 0);

    private static ReportCounts Counts(params (ReportAgency Agency, string Fact, string Month, int Count)[] counts) =>
        new(counts.ToDictionary(c => (c.Agency.Ori, c.Agency.Model, c.Fact, c.Month), c => c.Count));

    private static MonthlyReport Build(string month, ReportCounts counts, params ReleasedMonth[] releases) =>
        MonthlyReportBuilder.Build(StatisticsCalendar.ParseMonth(month)!.Value, 42, Totals, [Austin, Dallas, Miami, Idle], counts, releases);

    private static ReportFigure Figure(MonthlyReport report, string row, string measure) =>
        (row == "national" ? report.National : report.States.FirstOrDefault(s => s.State == row)?.Figures ?? report.Agencies.Single(a => a.Key == row).Figures)
        .Single(f => f.Measure == measure);

    [Fact]
    public void october_starts_the_fiscal_year_and_changes_from_september()
    {
        var report = Build("2025-10", Counts(
            (Austin, Measures.BookingsScreened, "2025-09", 7), (Austin, Measures.BookingsScreened, "2025-10", 3),
            (Dallas, Measures.DetainersLodged, "2025-10", 2), (Miami, Measures.BookingsScreened, "2025-10", 4),
            (Miami, Measures.Encounters, "2025-08", 9)));

        Figure(report, "TX2270000:JEM", "bookingsScreened").ShouldBe(new ReportFigure("bookingsScreened", 3, 3, -4));
        Figure(report, "TX", "bookingsScreened").ShouldBe(new ReportFigure("bookingsScreened", 3, 3, -4));
        Figure(report, "TX", "detainersLodged").ShouldBe(new ReportFigure("detainersLodged", 2, 2, 2));
        Figure(report, "national", "bookingsScreened").ShouldBe(new ReportFigure("bookingsScreened", 7, 7, 0));
        Figure(report, "national", "encounters").ShouldBe(new ReportFigure("encounters", 0, 0, 0), "August is in the fiscal year before");
        report.Agencies.Select(a => a.Key).ShouldBe(["FL0130000:JEM", "TX0570000:WSO", "TX2270000:JEM"], "by state, ORI and model; an agency with nothing counted is left out");
        report.States.Select(s => s.State).ShouldBe(["FL", "TX"]);
        report.National.Select(f => f.Measure).ShouldBe(ReportMeasures.All.Select(m => m.Name));
        (report.Month, report.FiscalYear, report.Position).ShouldBe(("2025-10", 2026, 42L));
    }

    [Fact]
    public void the_fiscal_year_to_date_sums_october_to_the_month_and_the_encounters_head_the_program_totals()
    {
        var report = Build("2026-02", Counts(
            (Miami, Measures.Encounters, "2025-10", 1), (Miami, Measures.Encounters, "2026-01", 2), (Miami, Measures.Encounters, "2026-02", 5),
            (Miami, Measures.Encounters, "2026-03", 8)));

        Figure(report, "FL0130000:JEM", "encounters").ShouldBe(new ReportFigure("encounters", 5, 8, 3));
        report.ProgramTotals.ShouldBe(Totals with { EncountersFiscalYearToDate = 8 });
    }

    [Fact]
    public void a_released_figure_the_events_now_give_otherwise_is_a_revision_in_later_months_only()
    {
        var asReleased = Build("2025-11", Counts((Austin, Measures.BookingsScreened, "2025-11", 3)));
        var now = Counts((Austin, Measures.BookingsScreened, "2025-11", 4), (Dallas, Measures.CustodyTransfers, "2025-11", 1));

        var december = Build("2025-12", now, new ReleasedMonth(1, asReleased));

        december.Revisions.ShouldBe(
        [
            new ReportRevision("2025-11", 1, ReportTables.ProgramTotals, ReportTables.NationalRow, "bookingsScreened", 3, 4),
            new ReportRevision("2025-11", 1, ReportTables.ProgramTotals, ReportTables.NationalRow, "custodyTransfers", 0, 1),
            new ReportRevision("2025-11", 1, ReportTables.States, "TX", "bookingsScreened", 3, 4),
            new ReportRevision("2025-11", 1, ReportTables.States, "TX", "custodyTransfers", 0, 1),
            new ReportRevision("2025-11", 1, ReportTables.Agencies, "TX0570000:WSO", "custodyTransfers", 0, 1),
            new ReportRevision("2025-11", 1, ReportTables.Agencies, "TX2270000:JEM", "bookingsScreened", 3, 4),
        ]);
        Build("2025-11", now, new ReleasedMonth(1, asReleased)).Revisions.ShouldBeEmpty("a month's own report is not revised: it is released again");
        Build("2025-12", Counts((Austin, Measures.BookingsScreened, "2025-11", 3)), new ReleasedMonth(1, asReleased)).Revisions.ShouldBeEmpty();
    }
}
