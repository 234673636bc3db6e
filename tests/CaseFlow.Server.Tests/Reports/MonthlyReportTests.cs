using System.Globalization;
using System.Text.RegularExpressions;
using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Reports;
using CaseFlow.Server.ReferenceData;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using static CaseFlow.Server.Tests.Reports.ReportScenario;

namespace CaseFlow.Server.Tests.Reports;

/// <summary>
/// May 2025's draft over <see cref="ReportScenario"/>, every cell written here, read as JSON, as each CSV table and as the
/// page; and the program totals of ICE's list.
/// </summary>
public partial class MonthlyReportTests(AppFixture app)
{
    private async Task<(AgencyRow Jem, AgencyRow Wso)> ExpectedAgencies(ReportScenario scenario)
    {
        await using var session = app.Store.QuerySession();
        async Task<string> Name(string ori, ProgramModel model) => (await session.LoadAsync<Agreement>(AgreementId.For(ori, model)))!.AgencyName;
        return (
            new AgencyRow(scenario.JemAgency.Ori, await Name(scenario.JemAgency.Ori, ProgramModel.JEM), Jem.State, ProgramModel.JEM,
                Figures((2, 3, 1), (1, 2, 0), (1, 1, 1), (1, 1, 1), (1, 1, 1), (0, 0, 0), (1, 1, 1))),
            new AgencyRow(scenario.WsoAgency.Ori, await Name(scenario.WsoAgency.Ori, ProgramModel.WSO), Wso.State, ProgramModel.WSO,
                Figures((0, 0, 0), (0, 0, 0), (1, 1, 1), (0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0))));
    }

    private static readonly IReadOnlyList<ReportFigure> National = Figures((2, 3, 1), (1, 2, 0), (2, 2, 2), (1, 1, 1), (1, 1, 1), (0, 0, 0), (1, 1, 1));

    [Fact]
    public async Task the_hand_built_month_as_json()
    {
        var scenario = await Of(app);
        var (jem, wso) = await ExpectedAgencies(scenario);

        var report = await (await Read(app, $"/api/reports/monthly/{Month}")).ReadAsJsonAsync<MonthlyReport>();

        report.Month.ShouldBe(Month);
        report.FiscalYear.ShouldBe(2025);
        report.EncounterPolicy.Version.ShouldBe("encounter/1");
        report.National.ShouldBe(National);
        Flat(report.States.Select(s => (s.State, s.Figures))).ShouldBe(Flat([(Jem.State, jem.Figures), (Wso.State, wso.Figures)]));
        report.Agencies.Select(a => (a.Ori, a.AgencyName, a.State, a.Model)).ShouldBe([(jem.Ori, jem.AgencyName, "ZM", ProgramModel.JEM), (wso.Ori, wso.AgencyName, "ZN", ProgramModel.WSO)]);
        Flat(report.Agencies.Select(a => (a.Key, a.Figures))).ShouldBe(Flat([(jem.Key, jem.Figures), (wso.Key, wso.Figures)]));
        report.ProgramTotals.EncountersFiscalYearToDate.ShouldBe(2);
        report.ProgramTotals.AsOfMonth.ShouldBe(Month);
        report.ProgramTotals.ByState.Where(s => s.State is "ZM" or "ZN").ShouldBe([new("ZM", 1, 0), new("ZN", 0, 1)]);
        report.Revisions.Where(r => r.Month == "2025-04").ShouldBeEmpty();
    }

    [Fact]
    public async Task the_hand_built_month_as_each_csv_table()
    {
        var scenario = await Of(app);
        var (jem, wso) = await ExpectedAgencies(scenario);
        async Task<List<string[]>> Table(string table) =>
            Rfc4180.Parse(await (await Read(app, $"/api/reports/monthly/{Month}?table={table}", "text/csv")).ReadAsTextAsync());

        string[] Line(params object[] cells) => [Month, .. cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture)!)];
        IEnumerable<string[]> Lines(object[] key, IReadOnlyList<ReportFigure> figures) =>
            figures.Select(f => Line([.. key, f.Measure, f.Month, f.FiscalYearToDate, f.ChangeFromPreviousMonth]));

        (await Table(ReportTables.States)).ShouldBe(
        [
            "reportMonth,state,measure,month,fiscalYearToDate,changeFromPreviousMonth".Split(','),
            .. Lines(["ZM"], jem.Figures), .. Lines(["ZN"], wso.Figures),
        ]);
        (await Table(ReportTables.Agencies)).ShouldBe(
        [
            "reportMonth,ori,agencyName,state,model,measure,month,fiscalYearToDate,changeFromPreviousMonth".Split(','),
            .. Lines([jem.Ori, jem.AgencyName, "ZM", "JEM"], jem.Figures), .. Lines([wso.Ori, wso.AgencyName, "ZN", "WSO"], wso.Figures),
        ]);
        var table = await Table(ReportTables.ProgramTotals);
        table[0].ShouldBe("reportMonth,figure,key,value".Split(','));
        var totals = table.Select(r => string.Join('|', r)).ToList();
        foreach (var f in National)
        {
            totals.ShouldContain(string.Join('|', Line("national.month", f.Measure, f.Month)), f.Measure);
            totals.ShouldContain(string.Join('|', Line("national.fiscalYearToDate", f.Measure, f.FiscalYearToDate)), f.Measure);
            totals.ShouldContain(string.Join('|', Line("national.changeFromPreviousMonth", f.Measure, f.ChangeFromPreviousMonth)), f.Measure);
        }

        totals.ShouldContain(string.Join('|', Line("agreementsInState", "ZM:JEM", 1)));
        totals.ShouldContain(string.Join('|', Line("encountersFiscalYearToDate", "", 2)));
        (await Table(ReportTables.Revisions))[0].ShouldBe("reportMonth,month,version,table,row,measure,releasedValue,currentValue".Split(','));
    }

    [Fact]
    public async Task the_hand_built_month_as_the_page()
    {
        var scenario = await Of(app);
        var (jem, wso) = await ExpectedAgencies(scenario);
        var answer = await Read(app, $"/api/reports/monthly/{Month}.html", "*/*");
        var page = await answer.ReadAsTextAsync();

        answer.Context.Response.ContentType.ShouldStartWith("text/html");
        var cells = Cells(page);
        IEnumerable<(string, string, string, string, int)> Expected(string table, string row, IReadOnlyList<ReportFigure> figures) => figures.SelectMany(f => new[]
        {
            (table, row, f.Measure, "month", f.Month), (table, row, f.Measure, "fiscalYearToDate", f.FiscalYearToDate),
            (table, row, f.Measure, "changeFromPreviousMonth", f.ChangeFromPreviousMonth),
        });
        cells.ShouldBe(
        [
            .. Expected("program-totals", "national", National),
            .. Expected("states", "ZM", jem.Figures), .. Expected("states", "ZN", wso.Figures),
            .. Expected("agencies", jem.Key, jem.Figures), .. Expected("agencies", wso.Key, wso.Figures),
        ]);
        page.ShouldContain("<caption>");
        page.ShouldContain("<svg class=\"chart\"");
        page.ShouldContain("Draft: not approved for release");
        page.ShouldNotContain("<script");
        // Nothing is loaded from anywhere: no source, no stylesheet or font by URL, links only within the page.
        page.ShouldNotContain(" src=");
        page.ShouldNotContain("url(");
        Regex.Matches(page, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ShouldAllBe(href => href.StartsWith('#'));
    }

    /// <summary>On ICE's list of 2025-07-18 (every listed agreement in force in FY2026): 117 JEM and 300 WSO, each state as listed.</summary>
    [Fact]
    public async Task the_program_totals_count_icEs_list_state_by_state()
    {
        var report = await (await Read(app, "/api/reports/monthly/2026-06")).ReadAsJsonAsync<MonthlyReport>();

        IceList.ShouldBeCountedIn(report.ProgramTotals, AgreementCatalog.Load());
        report.ProgramTotals.AsOfMonth.ShouldBe("2026-06");
    }

    /// <summary>Rows' figures one by one (records compare lists by reference).</summary>
    private static List<(string Row, ReportFigure Figure)> Flat(IEnumerable<(string Row, IReadOnlyList<ReportFigure> Figures)> rows) =>
        [.. rows.SelectMany(r => r.Figures.Select(f => (r.Row, f)))];

    /// <summary>The figure cells of the page, in page order: (table, row, measure, figure, value).</summary>
    private static List<(string, string, string, string, int)> Cells(string page) =>
        [.. FigureCell().Matches(page).Select(m => (m.Groups[1].Value, System.Net.WebUtility.HtmlDecode(m.Groups[2].Value), m.Groups[3].Value, m.Groups[4].Value,
            int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture)))];

    [GeneratedRegex("<td [^>]*data-table=\"([^\"]+)\" data-row=\"([^\"]+)\" data-measure=\"([^\"]+)\" data-figure=\"([^\"]+)\" data-value=\"(-?[0-9]+)\"")]
    private static partial Regex FigureCell();
}
