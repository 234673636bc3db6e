using CaseFlow.Server.Cases;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Queues;

/// <summary><c>GET /api/cases</c> without a booking number: the caller's cases by agency, status, model and booking instants, newest first.</summary>
public class CaseSearchTests(AppFixture app)
{
    [Fact]
    public async Task cases_are_found_by_status_and_booking_instants_newest_first_within_the_callers_reach()
    {
        var jem = await Create(app);
        var older = await jem.Book(referredAt: DateTimeOffset.UtcNow.AddHours(-5));
        var newer = await jem.Book();
        var screened = await jem.Book(referredAt: DateTimeOffset.UtcNow.AddHours(-4));
        var position = await jem.Post(screened, "ScreeningOpened", new { openedAt = Now(60) }).Position();

        var all = await Search(jem.Supervisor, $"ori={jem.Ori}&position={position}");
        all.Stale.ShouldBeFalse();
        all.Items.Select(s => s.Case.Id).ShouldBe([newer, screened, older]);
        (await Search(jem.Jail, $"status=Booked&position={position}")).Items.Select(s => s.Case.Id).ShouldBe([newer, older]);
        (await Search(app.Tokens.For(Roles.Auditor), $"ori={jem.Ori}&model=JEM&status=Screening")).Items.Select(s => s.Case.Id).ShouldBe([screened]);
        var since = Envelopes.Instant(DateTimeOffset.UtcNow.AddHours(-4.75));
        var page = await Search(jem.Supervisor, $"ori={jem.Ori}&bookedFrom={Uri.EscapeDataString(since)}&limit=1");
        page.Items.Select(s => s.Case.Id).ShouldBe([newer]);
        (await Search(jem.Supervisor, $"ori={jem.Ori}&bookedFrom={Uri.EscapeDataString(since)}&after={page.Next}")).Items.Select(s => s.Case.Id).ShouldBe([screened]);

        (await Search(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend), $"ori={jem.Ori}")).Items.ShouldBeEmpty();
        (await Search(app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), $"ori={jem.Ori}")).Items.ShouldBeEmpty();
        await app.Host.GetAs(app.Tokens.For(Roles.Analyst), $"/api/cases?ori={jem.Ori}", 403);
        await app.Host.GetAs(jem.Supervisor, "/api/cases?status=Sleeping&bookedTo=yesterday", 400);
    }

    private async Task<QueuePage<CaseSummary>> Search(string token, string query) =>
        await (await app.Host.GetAs(token, $"/api/cases?{query}")).ReadAsJsonAsync<QueuePage<CaseSummary>>();
}
