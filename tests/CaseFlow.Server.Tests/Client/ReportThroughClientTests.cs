using CaseFlow.Client.Generated.Models;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Tests.Reports;

namespace CaseFlow.Server.Tests.Client;

/// <summary>A released month read through the generated client: the document's discriminator (<c>kind</c>) lets it tell the release from its public variant.</summary>
public class ReportThroughClientTests(AppFixture app)
{
    [Fact]
    public async Task the_generated_client_reads_a_release_and_its_public_variant_each_as_its_own_class()
    {
        await ReportScenario.Of(app);
        var version = await ReportScenario.Release(app, ReportScenario.Month);
        var released = app.Client(ReportScenario.Analyst(app)).Api.Reports.Monthly[ReportScenario.Month].Released;

        var report = await released.GetAsync(r => r.QueryParameters.Version = version, TestContext.Current.CancellationToken);
        var full = report.ShouldNotBeNull().MonthlyReport.ShouldNotBeNull();
        report.PublicMonthlyReport.ShouldBeNull();
        full.Month.ShouldBe(ReportScenario.Month);
        full.Agencies.ShouldNotBeNull().ShouldNotBeEmpty();

        var shown = await released.GetAsync(r =>
        {
            r.QueryParameters.Version = version;
            r.QueryParameters.Variant = ReportVariant.Public;
        }, TestContext.Current.CancellationToken);
        var variant = shown.ShouldNotBeNull().PublicMonthlyReport.ShouldNotBeNull();
        shown.MonthlyReport.ShouldBeNull();
        variant.Version.ShouldBe(version);
        variant.Disclosure.ShouldNotBeNull().Threshold.ShouldBe(5);
        variant.Agencies.ShouldNotBeNull().ShouldNotBeEmpty();
        variant.Agencies.SelectMany(a => a.Figures!).ShouldAllBe(f => f.Month == null, "the hand-built month is small everywhere");
    }
}
