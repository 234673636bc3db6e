using Alba;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Security;

/// <summary>A client over its budget is answered 429 with <c>Retry-After</c>; other clients and health probes are not.</summary>
public sealed class RateLimitTests(AppFixture app) : IAsyncLifetime
{
    private const int Burst = 3;
    private IAlbaHost _node = null!;

    public async ValueTask InitializeAsync() =>
        _node = await app.StartNode(x =>
        {
            x.UseSetting("RateLimits:PermitsPerSecond", "1");
            x.UseSetting("RateLimits:Burst", Burst.ToString());
        });

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private async Task<IScenarioResult> Get(string url, string? token)
    {
        return await _node.Scenario(s =>
        {
            s.Get.Url(url);
            if (token is not null)
                s.Bearer(token);
            s.IgnoreStatusCode();
        });
    }

    [Fact]
    public async Task a_client_over_its_budget_gets_429_with_retry_after_and_another_client_does_not()
    {
        var busy = app.Tokens.For(Roles.Analyst);
        var statuses = new List<int>();
        IScenarioResult? refused = null;
        for (var i = 0; i < 20 && refused is null; i++)
        {
            var result = await Get("/api/agreements?limit=1", busy);
            statuses.Add(result.Context.Response.StatusCode);
            if (result.Context.Response.StatusCode == 429)
                refused = result;
        }

        refused.ShouldNotBeNull("twenty requests at once must exceed a budget of one per second");
        statuses.Take(Burst).ShouldAllBe(s => s == 200);
        refused.Context.Response.Headers.RetryAfter.ToString().ShouldBe("1");
        var problem = await refused.ReadAsTextAsync();
        problem.ShouldContain("urn:caseflow:problem:rate-limited");
        problem.ShouldContain("\"retryable\":true");

        (await Get("/api/agreements?limit=1", app.Tokens.For(Roles.Analyst))).Context.Response.StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task a_rate_limited_read_is_not_written_to_the_access_log()
    {
        var subject = $"auditor-{Guid.NewGuid():N}";
        var busy = app.Tokens.For(Roles.Auditor, subject: subject);
        var statuses = new List<int>();
        for (var i = 0; i < 20 && !statuses.Contains(429); i++)
            statuses.Add((await Get("/api/cases/00000000-0000-0000-0000-000000000001", busy)).Context.Response.StatusCode);
        await _node.Services.GetRequiredService<AccessLog>().Flush(TestContext.Current.CancellationToken);

        var log = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/audit/access?user={subject}")).ReadAsJsonAsync<Page<AccessEntry>>();

        statuses.ShouldContain(429);
        log.Items.Count.ShouldBe(statuses.Count(s => s == 404), "every answered read is recorded, no refused one");
    }

    [Fact]
    public async Task health_probes_are_not_limited()
    {
        for (var i = 0; i < 10; i++)
            (await Get("/health/live", token: null)).Context.Response.StatusCode.ShouldBe(200);
    }
}
