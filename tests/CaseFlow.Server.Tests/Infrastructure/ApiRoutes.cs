using Alba;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>The host's own list of its <c>/api</c> routes, each with the HTTP methods it answers: what completeness tests hold their tables against.</summary>
public static class ApiRoutes
{
    public static IReadOnlyList<(string Method, RouteEndpoint Endpoint)> Of(IAlbaHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => (method, e)))
            .ToList();
}
