using Alba;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// CaseFlow's own host (its <c>Program</c>, Production configuration, pre-generated handlers) started in this process
/// on <paramref name="connectionString"/>, listening nowhere: the demo loader and the benchmark corpus write through
/// it, the read benchmark queries through its document store. Without projections it runs no Wolverine agents either
/// (no asynchronous projections, no scheduled-message polling). Settings not given here (vault keys, the signing key)
/// come from the environment, as for a served node, or from <paramref name="configure"/>.
/// </summary>
public static class InProcessHost
{
    public static Task<IAlbaHost> Start(string connectionString, bool runProjections, Action<IWebHostBuilder>? configure = null)
    {
        JasperFxEnvironment.AutoStartHost = true;
        return AlbaHost.For<Program>(x =>
        {
            x.UseEnvironment("Production");
            x.UseSetting("ConnectionStrings:Marten", connectionString);
            x.UseSetting("AsyncProjections:Enabled", runProjections.ToString());
            x.UseSetting("RateLimits:Enabled", "false");
            x.UseSetting("Logging:LogLevel:Default", "Warning");
            // The in-memory server has no request body size feature to set; the limit is a listener's concern.
            x.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", "Error");
            x.ConfigureServices(s =>
            {
                if (runProjections)
                    s.RunWolverineInSoloMode();
                else
                    s.ConfigureWolverine(o => o.Durability.Mode = DurabilityMode.Serverless);
                s.DisableAllExternalWolverineTransports();
            });
            configure?.Invoke(x);
        });
    }
}
