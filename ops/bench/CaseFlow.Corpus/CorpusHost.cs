using Alba;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace CaseFlow.Corpus;

/// <summary>
/// CaseFlow's own host (its <c>Program</c>, Production configuration, pre-generated handlers) started in this process
/// on <paramref name="connectionString"/>, listening nowhere: the builder writes through its services, the read
/// benchmark queries through its document store (running neither projections nor scheduled messages, which the
/// served node it measures runs). Settings not given here (vault keys, the signing key) come from the
/// environment, as for a served node.
/// </summary>
public static class CorpusHost
{
    public static Task<IAlbaHost> Start(string connectionString, bool runProjections)
    {
        JasperFxEnvironment.AutoStartHost = true;
        return AlbaHost.For<Program>(x =>
        {
            x.UseEnvironment("Production");
            x.UseSetting("ConnectionStrings:Marten", connectionString);
            x.UseSetting("AsyncProjections:Enabled", runProjections.ToString());
            x.UseSetting("RateLimits:Enabled", "false");
            x.UseSetting("Logging:LogLevel:Default", "Warning");
            x.ConfigureServices(s =>
            {
                if (runProjections)
                    s.RunWolverineInSoloMode();
                else
                    s.ConfigureWolverine(o => o.Durability.Mode = DurabilityMode.Serverless);
                s.DisableAllExternalWolverineTransports();
            });
        });
    }
}
