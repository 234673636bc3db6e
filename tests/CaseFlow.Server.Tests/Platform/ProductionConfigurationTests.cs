using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Wolverine;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// The production configuration: pre-generated handlers only (no runtime compilation), no automatic schema
/// changes. It runs against the schema the shared host has already brought up to date.
/// </summary>
public class ProductionConfigurationTests(AppFixture app)
{
    [Fact]
    public async Task the_production_host_serves_from_pre_generated_code()
    {
        await using var production = await AlbaHost.For<Program>(x =>
        {
            x.UseEnvironment("Production");
            x.UseSetting("ConnectionStrings:Marten", AppFixture.ConnectionString);
            x.UseSetting("Auth:DevelopmentKey", app.Tokens.Base64Key);
            x.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });

        await production.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBeOk();
        });
        await production.GetAs(app.Tokens.For(Roles.Auditor), "/api/agreements?limit=1");
    }
}
