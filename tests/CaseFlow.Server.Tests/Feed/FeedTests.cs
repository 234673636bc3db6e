using Alba;
using CaseFlow.Server.Feed;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
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
        await app.Host.FeedHasApplied(first, second);
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
    public async Task occurred_at_is_an_rfc_3339_instant_with_its_offset_like_every_other_instant()
    {
        var (jem, first, _) = await TwoCasesWithDecisions();

        var page = await (await app.Host.GetAs(jem.Jail, "/api/feed?limit=500")).ReadAsTextAsync();
        var entries = System.Text.Json.Nodes.JsonNode.Parse(page)!["items"]!.AsArray().Where(e => (Guid)e!["caseId"]! == first).ToList();

        entries.ShouldNotBeEmpty();
        foreach (var entry in entries)
        {
            var text = (string)entry!["occurredAt"]!;
            text.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$");
            CaseFlow.Domain.Intake.Instants.TryParse(text, out _).ShouldBeTrue(text);
        }
    }

    [Fact]
    public async Task the_jail_learns_of_the_hold_caseflow_started_and_of_its_withdrawal()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        var eligible = await (await jem.Post(caseId, "ReleaseEligible", new { at = Now(30) }, officer: null)).ReadAsJsonAsync<AppendResult>();
        await jem.Post(caseId, "EventVoided", new { voidedEventId = eligible.EventId, reason = "entered in error" }, officer: null);
        await app.Host.FeedHasApplied(caseId);

        var feed = await Read(app.Host, jem.Jail, "limit=500");

        feed.Items.Where(e => e.CaseId == caseId).Select(e => e.Type).ShouldBe(["DetainerLodged", "HoldStarted", "HoldWithdrawn"]);
    }

    [Fact]
    public async Task a_jail_paging_while_cases_are_decided_and_the_projecting_node_restarts_sees_every_decision_once_in_order()
    {
        await using var database = await OwnDatabase.Create(app, "feed_restart");
        var projecting = await database.StartNode();
        await using var api = await database.StartNode(projections: false);
        var jail = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);
        var ice = app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU");
        var writes = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const int Cases = 8;

        // The writer decides cases through the API node; every decision lets the reader read one more page.
        var writer = Task.Run(async () =>
        {
            var cases = new List<Guid>();
            for (var i = 0; i < Cases; i++)
            {
                var caseId = await api.StartCaseWith(jail, Envelopes.Booking(Envelopes.NewBookingNumber(), "WSO"));
                cases.Add(caseId);
                foreach (var (type, data) in WsoDecisions())
                {
                    await api.Post(ice, $"/api/cases/{caseId}/events", Envelopes.CaseEvent(type, data), 200);
                    await writes.Writer.WriteAsync(true, TestContext.Current.CancellationToken);
                }

                if (i == Cases / 2)
                    halfway.TrySetResult();
            }

            writes.Writer.Complete();
            return cases;
        }, TestContext.Current.CancellationToken);
        var pages = new List<FeedEntry>();
        var cursor = "0";
        var reader = Task.Run(async () =>
        {
            await foreach (var _ in writes.Reader.ReadAllAsync(TestContext.Current.CancellationToken))
            {
                var page = await Read(api, jail, $"after={cursor}&limit=2");
                pages.AddRange(page.Items);
                cursor = page.Next;
            }
        }, TestContext.Current.CancellationToken);

        await halfway.Task;
        await projecting.StopAsync(TestContext.Current.CancellationToken);
        await projecting.DisposeAsync();
        await using var restarted = await database.StartNode();
        var cases = await writer;
        await reader;
        await restarted.FeedHasApplied([.. cases]);
        for (var page = await Read(api, jail, $"after={cursor}&limit=2"); page.Items.Count > 0; page = await Read(api, jail, $"after={cursor}&limit=2"))
        {
            pages.AddRange(page.Items);
            cursor = page.Next;
        }

        var everything = await Read(api, jail, "limit=500");
        everything.Items.Count.ShouldBe(Cases * 3);
        pages.Select(e => e.Id).ShouldBe(everything.Items.Select(e => e.Id));
        pages.Select(e => e.CaseId).Distinct().ShouldBe(cases);
    }

    /// <summary>ICE's decisions on a WSO case, three of which reach the feed: detainer lodged, lifted, case closed.</summary>
    private static IEnumerable<(string Type, object Data)> WsoDecisions()
    {
        string SecondsAgo(int seconds) => Envelopes.Instant(DateTimeOffset.UtcNow.AddSeconds(-seconds));
        return
        [
            ("WarrantReceivedFromIce", new { receivedAt = SecondsAgo(40), warrantType = "I-200", iceDetainerRef = "D-1" }),
            ("DetainerLodged", new { lodgedAt = SecondsAgo(30) }),
            ("DetainerLifted", new { liftedAt = SecondsAgo(20), reason = "ProsecutorialDiscretion" }),
            ("CaseClosed", new { closedAt = SecondsAgo(10), disposition = "DetainerLifted" }),
        ];
    }

    [Fact]
    public async Task the_feed_is_for_the_agencys_own_systems()
    {
        await app.Host.GetAs(app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), "/api/feed", 403);
        await app.Host.GetAs(app.Tokens.For(Roles.Auditor), "/api/feed", 403);
        await app.Host.GetAs(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend), "/api/feed?after=minus-one", 400);
    }
}
