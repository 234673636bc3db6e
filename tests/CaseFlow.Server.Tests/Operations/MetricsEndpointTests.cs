using Alba;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Operations;

/// <summary>
/// Who may read <c>/metrics</c>: the holder of the scrape token, nobody else (not even an admin's bearer token); a node
/// told to serve it without a token worth the name does not start; a node not told to serves nothing there.
/// </summary>
public sealed class MetricsEndpointTests(AppFixture app) : IAsyncLifetime
{
    private IAlbaHost _node = null!;

    public async ValueTask InitializeAsync() => _node = await app.StartNode(MetricsTraffic.EnablePrometheus);

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task the_scrape_token_reads_the_metrics()
    {
        var text = await (await _node.Scenario(s =>
        {
            s.Get.Url(MetricsEndpoint.Path);
            s.WithRequestHeader("Authorization", "Basic " + MetricsTraffic.BasicAuthorization(MetricsTraffic.ScrapeToken));
        })).ReadAsTextAsync();

        PrometheusText.Parse(text).Types.ShouldContainKey("caseflow_access_log_queued");
    }

    private const string NoHeader = "";

    public static readonly TheoryData<string> Refused = new()
    {
        NoHeader,
        "Basic " + MetricsTraffic.BasicAuthorization("not-the-scrape-token-but-as-long-as-one-0123"),
        "Basic " + MetricsTraffic.BasicAuthorization(MetricsTraffic.ScrapeToken + "x"),
        "Basic not-base64",
        "Bearer " + MetricsTraffic.ScrapeToken,
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task anything_but_the_scrape_token_is_401(string authorization)
    {
        var result = await _node.Scenario(s =>
        {
            s.Get.Url(MetricsEndpoint.Path);
            if (authorization != NoHeader)
                s.WithRequestHeader("Authorization", authorization);
            s.StatusCodeShouldBe(401);
        });

        result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldStartWith("Basic");
        (await result.ReadAsTextAsync()).ShouldNotContain("caseflow_");
    }

    [Fact]
    public async Task an_admin_token_is_not_a_scrape_token()
    {
        await _node.Scenario(s =>
        {
            s.Get.Url(MetricsEndpoint.Path);
            s.WithRequestHeader("Authorization", "Bearer " + app.Tokens.For(Roles.Admin));
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public void the_endpoint_is_the_one_route_besides_health_and_documents_authorization_lets_through_and_not_in_the_api_document()
    {
        var endpoints = _node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText).ToList();
        anonymous.ShouldContain(MetricsEndpoint.Path);
        endpoints.Single(e => e.RoutePattern.RawText == MetricsEndpoint.Path).Metadata
            .GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>().ShouldNotBeNull().ExcludeFromDescription.ShouldBeTrue();
    }

    [Fact]
    public async Task a_node_not_told_to_serve_metrics_has_no_such_route()
    {
        _node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ShouldContain(e => e.RoutePattern.RawText == MetricsEndpoint.Path);
        app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ShouldNotContain(e => e.RoutePattern.RawText == MetricsEndpoint.Path);

        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(MetricsEndpoint.Path);
            s.WithRequestHeader("Authorization", "Basic " + MetricsTraffic.BasicAuthorization(MetricsTraffic.ScrapeToken));
            s.StatusCodeShouldBe(401);
        });
        (await result.ReadAsTextAsync()).ShouldNotContain("caseflow_");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("too-short")]
    public async Task a_node_told_to_serve_metrics_without_a_long_token_does_not_start(string? token)
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => app.StartNode(x =>
        {
            x.UseSetting("Telemetry:Prometheus:Enabled", "true");
            if (token is not null)
                x.UseSetting("Telemetry:Prometheus:ScrapeToken", token);
        }));

        failure.Message.ShouldContain("Telemetry:Prometheus:ScrapeToken");
    }
}
