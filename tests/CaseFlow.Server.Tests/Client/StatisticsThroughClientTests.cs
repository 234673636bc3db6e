using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Client;

/// <summary>Statistics read through the generated client with the typed query: the fiscal year and the position are numbers, the month its form.</summary>
public class StatisticsThroughClientTests(AppFixture app)
{
    [Fact]
    public async Task the_generated_client_asks_for_a_fiscal_year_a_month_and_a_position_as_typed_values()
    {
        var national = app.Client(app.Tokens.For(Roles.Analyst)).Api.Statistics.National;
        var ct = TestContext.Current.CancellationToken;

        var year = await national.GetAsync(q => q.QueryParameters.Fy = 2025, ct);
        year.ShouldNotBeNull().FiscalYear.ShouldBe(2025);
        year.Month.ShouldBeNull();

        var month = await national.GetAsync(q =>
        {
            q.QueryParameters.Month = "2025-02";
            q.QueryParameters.Position = year.Position;
        }, ct);
        month.ShouldNotBeNull().FiscalYear.ShouldBe(2025);
        month.Month.ShouldBe("2025-02");
        month.Stale.ShouldBe(false);
    }
}
