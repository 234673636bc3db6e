using Alba;
using CaseFlow.Server.Feed;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using Marten.Events;
using Wolverine;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Feed;

/// <summary>The feed back to the jail: what CaseFlow decided about its cases, in order, from a cursor the jail keeps.</summary>
public class FeedTests(AppFixture app)
{
    private async Task<(CaseScenario Jem, Guid First, Guid Second)> TwoCasesWithDecisions()
    {
        var jem = await CaseScenario.Create(app);
        var first = await jem.Book();
        var second = await jem.Book();
        await jem.DetainerInEffect(first);
        await jem.Approved(first);
        await jem.DetainerInEffect(second);
        await jem.Decide(second, "DetainerLifted", new { liftedAt = Now(30), reason = "ProsecutorialDiscretion" });
        await jem.Decide(second, "CaseClosed", new { closedAt = Now(20), disposition = "DetainerLifted" });
        await app.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return (jem, first, second);
    }

    private static async Task<Page<FeedEntry>> Read(IAlbaHost host, string token, string query) =>
        await (await host.GetAs(token, $"/api/feed?{query}")).ReadAsJsonAsync<Page<FeedEntry>>();

    [Fact]
    public async Task a_jail_follows_the_decisions_about_its_cases_in_order_page_by_page()
    {
        var (jem, first, second) = await TwoCasesWithDecisions();

        var page1 = await Read(app.Host, jem.Jail, "limit=2");
        var page2 = await Read(app.Host, jem.Jail, $"after={page1.Next}&limit=10");
        var all = page1.Items.Concat(page2.Items).ToList();

        all.Select(e => (e.CaseId, e.Type)).ShouldBe(
        [
            (first, "DetainerLodged"), (first, "ReviewApproved"), (second, "DetainerLodged"), (second, "DetainerLifted"), (second, "CaseClosed"),
        ]);
        all.Select(e => e.Id).ShouldBeInOrder(SortDirection.Ascending);
        (await Read(app.Host, jem.Jail, $"after={page2.Next}")).Items.ShouldBeEmpty();
        (await Read(app.Host, app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.Aransas), "limit=500")).Items.ShouldNotContain(e => e.CaseId == first);
    }

    [Fact]
    public async Task the_jail_learns_of_the_hold_caseflow_started_and_of_its_withdrawal()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        var eligible = await (await jem.Post(caseId, "ReleaseEligible", new { at = Now(30) }, officer: null)).ReadAsJsonAsync<AppendResult>();
        await jem.Post(caseId, "EventVoided", new { voidedEventId = eligible.EventId, reason = "entered in error" }, officer: null);
        await app.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var feed = await Read(app.Host, jem.Jail, "limit=500");

        feed.Items.Where(e => e.CaseId == caseId).Select(e => e.Type).ShouldBe(["DetainerLodged", "HoldStarted", "HoldWithdrawn"]);
    }

    [Fact]
    public async Task a_cursor_read_before_a_restart_continues_after_it_without_loss_or_repeat()
    {
        var (jem, _, second) = await TwoCasesWithDecisions();
        var before = await Read(app.Host, jem.Jail, "limit=3");

        await using var restarted = await app.StartNode();
        var after = await Read(restarted, jem.Jail, $"after={before.Next}&limit=10");

        before.Items.Count.ShouldBe(3);
        after.Items.Count.ShouldBe(2);
        after.Items.Select(e => e.Id).Intersect(before.Items.Select(e => e.Id)).ShouldBeEmpty();
        after.Items.Last().CaseId.ShouldBe(second);
    }

    [Fact]
    public async Task the_feed_is_for_the_agencys_own_systems()
    {
        await app.Host.GetAs(app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), "/api/feed", 403);
        await app.Host.GetAs(app.Tokens.For(Roles.Auditor), "/api/feed", 403);
        await app.Host.GetAs(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend), "/api/feed?after=minus-one", 400);
    }
}
