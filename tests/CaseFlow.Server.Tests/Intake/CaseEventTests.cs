using System.Net;
using System.Net.Http.Json;
using Alba;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using Marten;

namespace CaseFlow.Server.Tests.Intake;

public class CaseEventTests(AppFixture app)
{
    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);

    [Fact]
    public async Task an_event_appends_at_the_next_version_and_updates_the_summary()
    {
        var caseId = await app.Host.StartCase(Jail);
        var release = DateTimeOffset.UtcNow.AddDays(30);

        var result = await app.Host.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(release));

        (await result.ReadAsJsonAsync<AppendResult>()).Version.ShouldBe(2);
        result.Context.Response.Headers.ETag.ToString().ShouldBe("\"2\"");
        var summary = (await (await app.Host.GetAs(Jail, $"/api/cases/{caseId}")).ReadAsJsonAsync<CaseSummary>()).Case;
        summary.ScheduledRelease!.Value.ShouldBe(release, TimeSpan.FromSeconds(1));
        summary.Version.ShouldBe(2);
    }

    [Fact]
    public async Task thirty_two_concurrent_writers_on_one_case_queue_and_none_is_lost()
    {
        var caseId = await app.Host.StartCase(Jail);
        using var client = app.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Jail);

        var responses = await Task.WhenAll(Enumerable.Range(1, 32).Select(i =>
            PostUntilNotBusy(client, $"/api/cases/{caseId}/events", Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(i)))));

        responses.Select(r => r.StatusCode).ShouldAllBe(code => code == HttpStatusCode.OK);
        var versions = new List<long>();
        foreach (var response in responses)
            versions.Add((await response.Content.ReadFromJsonAsync<AppendResult>(TestContext.Current.CancellationToken))!.Version);
        versions.Order().ShouldBe(Enumerable.Range(2, 32).Select(v => (long)v));

        await using var session = app.Store.QuerySession();
        var stored = await session.Events.FetchStreamAsync(caseId, token: TestContext.Current.CancellationToken);
        stored.Select(e => e.Version).ShouldBe(Enumerable.Range(1, 33).Select(v => (long)v));
    }

    /// <summary>
    /// Posts one event as a client following the contract would: a writer that waited longer than the lock wait (the
    /// fixture's is short, and a loaded machine makes the queue slow) is told the case is busy and sends it again.
    /// </summary>
    private static async Task<HttpResponseMessage> PostUntilNotBusy(HttpClient client, string url, object envelope)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.PostAsJsonAsync(url, envelope, TestContext.Current.CancellationToken);
            if (attempt == 20 || response.StatusCode != HttpStatusCode.Conflict
                || !(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Contains("urn:caseflow:problem:case-busy", StringComparison.Ordinal))
                return response;
            TestContext.Current.TestOutputHelper?.WriteLine($"busy, attempt {attempt}: sent again");
        }
    }

    [Fact]
    public async Task a_stale_if_match_gets_412_and_a_current_one_is_accepted()
    {
        var caseId = await app.Host.StartCase(Jail);
        await app.Host.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(3)));

        var stale = await app.Host.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(4)), 412, ifMatch: "\"1\"");
        stale.Context.Response.Headers.ETag.ToString().ShouldBe("\"2\"");

        await app.Host.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(4)), 200, ifMatch: "\"2\"");
    }

    [Fact]
    public async Task a_case_event_retried_is_replayed_and_a_reused_id_is_a_conflict()
    {
        var caseId = await app.Host.StartCase(Jail);
        var envelope = Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(3));
        var first = await (await app.Host.PostCaseEvent(Jail, caseId, envelope)).ReadAsTextAsync();
        await app.Host.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(5)));

        var again = await app.Host.PostCaseEvent(Jail, caseId, envelope);
        (await again.ReadAsTextAsync()).ShouldBe(first);
        again.Context.Response.Headers.ETag.ToString().ShouldBe("\"2\"");

        var reused = Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(9), eventId: (Guid)envelope["eventId"]!);
        await app.Host.PostCaseEvent(Jail, caseId, reused, 409);
    }

    [Fact]
    public async Task another_agencys_case_is_not_found_for_reading_or_writing()
    {
        var caseId = await app.Host.StartCase(Jail);
        var aransas = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.Aransas);

        await app.Host.GetAs(aransas, $"/api/cases/{caseId}", 404);
        await app.Host.GetAs(aransas, $"/api/cases/{caseId}/history", 404);
        await app.Host.PostCaseEvent(aransas, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(3)), 404);
        await app.Host.GetAs(app.Tokens.For(Roles.Supervisor, fieldOffice: "MIA"), $"/api/cases/{caseId}", 404);
    }

    [Fact]
    public async Task roles_outside_the_table_get_403()
    {
        var caseId = await app.Host.StartCase(Jail);

        await app.Host.GetAs(app.Tokens.For(Roles.Analyst), $"/api/cases/{caseId}", 403);
        await app.Host.GetAs(app.Tokens.For(Roles.Admin), $"/api/cases/{caseId}/history", 403);
        await app.Host.GetAs(Jail, $"/api/cases/{caseId}/integrity", 403);
        // Supervisors post review decisions, not the jail's booking facts.
        await app.Host.PostCaseEvent(app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(3)), 403);
    }

    [Fact]
    public async Task an_unknown_case_or_event_type_is_answered_clearly()
    {
        await app.Host.PostCaseEvent(Jail, Guid.NewGuid(), Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(3)), 404);

        var caseId = await app.Host.StartCase(Jail);
        var unknown = Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(3));
        unknown["type"] = "DetainerTeleported";
        (await (await app.Host.PostCaseEvent(Jail, caseId, unknown, 400)).ReadAsTextAsync()).ShouldContain("\"type\"");
    }

    [Fact]
    public async Task a_rule_refusal_changes_nothing()
    {
        var caseId = await app.Host.StartCase(Jail);

        var text = await (await app.Host.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddYears(-1)), 422)).ReadAsTextAsync();

        text.ShouldContain("urn:caseflow:problem:release-before-booking");
        (await (await app.Host.GetAs(Jail, $"/api/cases/{caseId}")).ReadAsJsonAsync<CaseSummary>()).Case.Version.ShouldBe(1);
    }
}
