using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CaseFlow.Server.Security;

/// <summary>
/// Behind a load balancer the peer is the balancer; the client's address (for the access audit's source and the
/// rate limit of callers without a token) and scheme come from <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>,
/// believed only from the proxies and networks configured in <c>Proxies:KnownProxies</c> and
/// <c>Proxies:KnownNetworks</c>. With none configured the headers are ignored: anyone could send them.
/// </summary>
public static class ProxySetup
{
    public static void AddCaseFlowProxies(this WebApplicationBuilder builder)
    {
        // Parsed here, so a mistyped address stops the start instead of failing requests.
        var section = builder.Configuration.GetSection("Proxies");
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? []).Select(IPAddress.Parse).ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(n => System.Net.IPNetwork.Parse(n)).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
    }

    /// <summary>First in the pipeline, so every later step sees the client's address and scheme.</summary>
    public static void UseCaseFlowProxies(this WebApplication app)
    {
        var section = app.Configuration.GetSection("Proxies");
        if (section.GetSection("KnownProxies").GetChildren().Any() || section.GetSection("KnownNetworks").GetChildren().Any())
            app.UseForwardedHeaders();
    }
}
