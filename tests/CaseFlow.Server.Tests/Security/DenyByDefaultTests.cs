using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Security;

public class DenyByDefaultTests(AppFixture app)
{
    /// <summary>
    /// Open to authorization by design. <c>/metrics</c> (mapped only with Telemetry:Prometheus:Enabled) checks its scrape
    /// token itself: a scraper holds no person's token (MetricsEndpointTests).
    /// </summary>
    private static readonly string[] AnonymousByDesign = ["/health/live", "/health/ready", "/openapi/{documentName}.json", "/docs/{documentName?}", "/metrics"];

    private IReadOnlyList<RouteEndpoint> Endpoints =>
        app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void every_endpoint_names_a_policy_or_is_anonymous_by_design()
    {
        var unguarded = Endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        unguarded.ShouldBeEmpty();
    }

    [Fact]
    public void only_health_openapi_and_docs_are_anonymous()
    {
        var anonymous = Endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText)
            .Where(route => !route!.StartsWith("/docs", StringComparison.Ordinal))
            .ToList();

        anonymous.ShouldAllBe(route => AnonymousByDesign.Contains(route));
    }

    [Fact]
    public async Task an_endpoint_without_a_policy_is_refused()
    {
        var policy = await app.Host.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();

        policy.ShouldNotBeNull();
        var result = await app.Host.Services.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(AuthenticatedAuditor(), resource: null, policy);
        result.Succeeded.ShouldBeFalse();
    }

    private static System.Security.Claims.ClaimsPrincipal AuthenticatedAuditor() =>
        new(new System.Security.Claims.ClaimsIdentity([new("role", "auditor")], authenticationType: "test"));
}
