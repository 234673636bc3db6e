using System.Globalization;
using Alba;
using CaseFlow.Domain.Reports;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using static CaseFlow.Server.Tests.Reports.ReportScenario;

namespace CaseFlow.Server.Tests.Reports;

/// <summary>
/// The report page in a real browser: Debian's headless Chromium (installed by ops/test) loads it over HTTP from a
/// CaseFlow node on Kestrel, draws the charts, shows the JSON's figures, logs no error and asks for nothing else; its
/// screenshot and PDF print are kept in artifacts/report-browser/.
/// </summary>
public class ReportBrowserTests(AppFixture app)
{
    public static readonly string Artifacts = Path.Combine(RepositoryRoot.Path, "artifacts", "report-browser");

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task the_page_draws_its_charts_and_shows_the_json_figures_with_nothing_else_loaded()
    {
        await Of(app);
        var report = await (await Read(app, $"/api/reports/monthly/{Month}")).ReadAsJsonAsync<MonthlyReport>();
        await using var node = new WebApplicationFactory<Program>().WithWebHostBuilder(x => app.ConfigureNode(x));
        node.UseKestrel(0);
        node.StartServer();
        var url = new Uri(node.ClientOptions.BaseAddress, $"/api/reports/monthly/{Month}.html").ToString();

        var profile = Directory.CreateTempSubdirectory("caseflow-chromium-");
        try
        {
            await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true, UserDataDir = profile.FullName, Args = ChromiumArgs,
            });
            await using var page = await browser.NewPageAsync();
            var errors = new List<string>();
            var requested = new List<string>();
            page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) errors.Add(e.Message.Text); };
            page.PageError += (_, e) => errors.Add(e.Message);
            page.Request += (_, e) => requested.Add(e.Request.Url);
            await page.SetExtraHttpHeadersAsync(new() { ["Authorization"] = $"Bearer {Analyst(app)}" });
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 1000 });

            var response = await page.GoToAsync(url, WaitUntilNavigation.Networkidle0);

            response.Status.ShouldBe(System.Net.HttpStatusCode.OK);
            var bars = await page.EvaluateExpressionAsync<double[]>("[...document.querySelectorAll('svg.chart rect.bar')].map(r => r.getBoundingClientRect().width)");
            bars.Count(w => w > 0).ShouldBeGreaterThan(3, "the charts must be drawn");
            var cells = await page.EvaluateExpressionAsync<string[][]>(
                "[...document.querySelectorAll('td[data-table]')].map(td => [td.dataset.table, td.dataset.row, td.dataset.measure, td.dataset.figure, td.innerText])");
            cells.Select(c => (c[0], c[1], c[2], c[3], Shown(c[4]))).ShouldBe(Figures(report));
            errors.ShouldBeEmpty();
            requested.ShouldBe([url], "the page asks for nothing beyond itself");

            Directory.CreateDirectory(Artifacts);
            await page.ScreenshotAsync(Path.Combine(Artifacts, $"report-{Month}.png"), new ScreenshotOptions { FullPage = true });
            await page.PdfAsync(Path.Combine(Artifacts, $"report-{Month}.pdf"), new PdfOptions { Format = PaperFormat.Letter, Landscape = true, PrintBackground = true });
            new FileInfo(Path.Combine(Artifacts, $"report-{Month}.pdf")).Length.ShouldBeGreaterThan(10_000);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    /// <summary>A figure as the page shows it: thousands separated, a sign on a rise, a minus sign (U+2212) on a fall.</summary>
    private static int Shown(string text) => int.Parse(text.Replace('\u2212', '-'), NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>Every figure of the report in page order: the national row, the states, the agencies, the revisions.</summary>
    private static List<(string, string, string, string, int)> Figures(MonthlyReport report)
    {
        IEnumerable<(string, string, string, string, int)> Row(string table, string row, IReadOnlyList<ReportFigure> figures) => figures.SelectMany(f => new[]
        {
            (table, row, f.Measure, "month", f.Month), (table, row, f.Measure, "fiscalYearToDate", f.FiscalYearToDate),
            (table, row, f.Measure, "changeFromPreviousMonth", f.ChangeFromPreviousMonth),
        });
        return
        [
            .. Row(ReportTables.ProgramTotals, ReportTables.NationalRow, report.National),
            .. report.States.SelectMany(s => Row(ReportTables.States, s.State, s.Figures)),
            .. report.Agencies.SelectMany(a => Row(ReportTables.Agencies, a.Key, a.Figures)),
            .. report.Revisions.SelectMany(r => new[]
            {
                (ReportTables.Revisions, $"{r.Month}|{r.Table}|{r.Row}", r.Measure, "releasedValue", r.ReleasedValue),
                (ReportTables.Revisions, $"{r.Month}|{r.Table}|{r.Row}", r.Measure, "currentValue", r.CurrentValue),
            }),
        ];
    }
}
