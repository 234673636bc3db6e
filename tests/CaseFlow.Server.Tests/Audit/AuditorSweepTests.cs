using CaseFlow.Server.Cases;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Audit;

/// <summary>An auditor sweeps every agency's cases with the case search alone, page by page, newest booking first.</summary>
public class AuditorSweepTests(AppFixture app)
{
    [Fact]
    public async Task an_auditor_pages_through_every_agency_s_cases_in_every_field_office()
    {
        var since = DateTimeOffset.UtcNow.AddHours(-4);
        var guam = await CaseScenario.Create(app);
        var elsewhere = await CaseScenario.Create(app, place: new SyntheticPlace("ZQ", "ZZQ", "America/New_York"));
        var ours = new List<Guid>();
        foreach (var scenario in new[] { guam, elsewhere, guam, elsewhere, guam })
            ours.Add(await scenario.Book());
        await app.Host.QueuesHaveApplied([.. ours]);
        var auditor = app.Tokens.For(Roles.Auditor);

        var seen = new List<CaseSummary>();
        string? next = null;
        do
        {
            var query = $"bookedFrom={Uri.EscapeDataString(since.ToString("O"))}&limit=4" + (next is null ? "" : $"&after={next}");
            var page = await (await app.Host.GetAs(auditor, $"/api/cases?{query}")).ReadAsJsonAsync<QueuePage<CaseSummary>>();
            seen.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);

        seen.Select(s => s.Case.Id).ShouldBeUnique();
        ours.ShouldBeSubsetOf(seen.Select(s => s.Case.Id));
        seen.Select(s => s.Case.FieldOfficeCode).Distinct().ShouldContain("ZZQ");
        seen.Select(s => s.Case.FieldOfficeCode).Distinct().ShouldContain(SyntheticAgencies.FieldOffice);
        seen.Select(s => s.Case.BookedAt).ShouldBeInOrder(SortDirection.Descending);
    }
}
