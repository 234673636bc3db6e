using System.Text.Json;
using Alba;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Domain.Agreements;

namespace CaseFlow.Server.Tests.Governance;

public class AgreementEndpointTests(AppFixture app)
{
    // Fort Bend County Sheriff's Office (TX, Houston AOR) holds both a JEM and a WSO agreement in ICE's list of 2025-07-18.
    private const string FortBend = "TX0790000";

    [Fact]
    public async Task an_auditor_pages_through_every_agreement_in_a_stable_order()
    {
        var token = app.Tokens.For(Roles.Auditor);
        var seen = new List<Agreement>();
        string? after = null;
        do
        {
            var page = await GetPage(token, $"/api/agreements?limit=100{(after is null ? "" : $"&after={after}")}");
            seen.AddRange(page.Items.Select(v => v.Agreement).Where(a => a.Source != SyntheticAgencies.Source));
            after = page.Next;
        }
        while (after is not null);

        seen.Count.ShouldBe(417);
        seen.Select(a => a.Id).Distinct().Count().ShouldBe(417);
        seen.Select(a => a.Key).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("state=TX&model=JEM", 34)]
    [InlineData("state=tx&model=wso", 59)]
    [InlineData("model=JEM", 117)]
    [InlineData("fieldOffice=MIA&model=WSO", 65)]
    public async Task filters_narrow_the_list(string query, int expected)
    {
        var page = await GetPage(app.Tokens.For(Roles.Analyst), $"/api/agreements?{query}&limit=500");

        page.Items.Count(v => v.Agreement.Source != SyntheticAgencies.Source).ShouldBe(expected);
        page.Next.ShouldBeNull();
    }

    [Fact]
    public async Task an_agency_system_sees_only_its_own_agreements()
    {
        var page = await GetPage(app.Tokens.For(Roles.ScreeningSystem, ori: FortBend), "/api/agreements");

        page.Items.ShouldNotBeEmpty();
        page.Items.ShouldAllBe(v => v.Agreement.Ori == FortBend);
    }

    [Fact]
    public async Task a_supervisor_sees_only_the_field_office()
    {
        var page = await GetPage(app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), "/api/agreements?limit=500");

        page.Items.ShouldNotBeEmpty();
        page.Items.ShouldAllBe(v => v.Agreement.FieldOfficeCode == "HOU");
    }

    [Fact]
    public async Task one_agreement_comes_with_its_history()
    {
        var result = await app.Host.GetAs(app.Tokens.For(Roles.Officer, ori: FortBend, officerId: "FB-1"), $"/api/agreements/{FortBend}/JEM");
        var details = await result.ReadAsJsonAsync<AgreementDetails>();

        details.Current.Agreement.Ori.ShouldBe(FortBend);
        details.Current.Agreement.FieldOfficeCode.ShouldBe("HOU");
        details.Current.Agreement.TimeZone.ShouldBe("America/Chicago");
        details.Current.InForce.ShouldBeTrue();
        details.History.Single().Type.ShouldBe("AgreementSigned");
    }

    [Fact]
    public async Task another_agencys_agreement_is_not_found()
    {
        await app.Host.GetAs(app.Tokens.For(Roles.ScreeningSystem, ori: "AL0130000"), $"/api/agreements/{FortBend}/JEM", 404);
        await app.Host.GetAs(app.Tokens.For(Roles.Supervisor, fieldOffice: "MIA"), $"/api/agreements/{FortBend}/JEM", 404);
    }

    [Fact]
    public async Task an_unknown_agreement_is_not_found()
    {
        // Aransas County Sheriff's Office (TX0040000) holds a JEM agreement only.
        await app.Host.GetAs(app.Tokens.For(Roles.Auditor), "/api/agreements/TX0040000/WSO", 404);
        await app.Host.GetAs(app.Tokens.For(Roles.Auditor), "/api/agreements/ZZ0000000/JEM", 404);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("model=TFM", "model")]
    [InlineData("state=Texas", "state")]
    [InlineData("fieldOffice=Houston", "fieldOffice")]
    [InlineData("after=%25%25", "after")]
    public async Task a_bad_query_gets_400_naming_the_parameter(string query, string parameter)
    {
        var result = await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/agreements?{query}", 400);
        using var problem = JsonDocument.Parse(await result.ReadAsTextAsync());

        problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe([parameter]);
    }

    private async Task<Page<AgreementView>> GetPage(string token, string url)
    {
        var result = await app.Host.GetAs(token, url);
        return await result.ReadAsJsonAsync<Page<AgreementView>>();
    }
}
