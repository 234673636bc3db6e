using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Wolverine;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// The production configuration: pre-generated handlers only (no runtime compilation), no automatic schema
/// changes, tokens only from the OIDC authority unless a development key is configured. These hosts run against
/// the schema the shared host has already brought up to date.
/// </summary>
public class ProductionConfigurationTests(AppFixture app)
{
    [Fact]
    public async Task the_production_host_serves_from_pre_generated_code()
    {
        await using var production = await Production(("Auth:DevelopmentKey", app.Tokens.Base64Key));

        await production.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBeOk();
        });
        await production.GetAs(app.Tokens.For(Roles.Auditor), "/api/agreements?limit=1");
    }

    [Fact]
    public async Task production_answers_https_with_hsts_and_redirects_http_once_an_https_port_is_configured()
    {
        await using var production = await Production(("Auth:DevelopmentKey", app.Tokens.Base64Key), ("HTTPS_PORTS", "443"));

        var secure = await production.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.ConfigureHttpContext(c => (c.Request.Scheme, c.Request.Host) = ("https", new Microsoft.AspNetCore.Http.HostString("caseflow.example")));
            s.StatusCodeShouldBeOk();
        });
        var plain = await production.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.ConfigureHttpContext(c => c.Request.Host = new Microsoft.AspNetCore.Http.HostString("caseflow.example"));
            s.StatusCodeShouldBe(307);
        });

        secure.Context.Response.Headers.StrictTransportSecurity.ToString().ShouldStartWith("max-age=");
        plain.Context.Response.Headers.Location.ToString().ShouldBe("https://caseflow.example/health/live");
    }

    [Fact]
    public async Task without_a_development_key_development_tokens_are_refused()
    {
        await using var production = await Production(("Auth:Authority", "https://127.0.0.1:9/unreachable"));

        await production.GetAs(app.Tokens.For(Roles.Auditor), "/api/agreements?limit=1", 401);
    }

    [Fact]
    public async Task the_longest_token_life_accepted_is_a_setting()
    {
        await using var production = await Production(("Auth:DevelopmentKey", app.Tokens.Base64Key), ("Auth:MaxTokenLifetime", "00:10:00"));
        var expires = DateTime.UtcNow.AddMinutes(5);

        await production.GetAs(app.Tokens.For(Roles.Auditor, expires: expires, lifetime: TimeSpan.FromMinutes(10)), "/api/agreements?limit=1");
        await production.GetAs(app.Tokens.For(Roles.Auditor, expires: expires, lifetime: TimeSpan.FromMinutes(11)), "/api/agreements?limit=1", 401);
    }

    [Fact]
    public async Task telemetry_is_collected_only_when_an_otlp_endpoint_is_configured()
    {
        await using var production = await Production(("Auth:DevelopmentKey", app.Tokens.Base64Key), ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"));
        await using var withoutEndpoint = await app.StartNode();

        production.Services.GetService<TracerProvider>().ShouldNotBeNull();
        production.Services.GetService<MeterProvider>().ShouldNotBeNull();
        withoutEndpoint.Services.GetService<TracerProvider>().ShouldBeNull();
    }

    [Fact]
    public async Task a_node_without_vault_keys_does_not_start_and_says_which_setting_is_missing()
    {
        var refused = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => AlbaHost.For<Program>(x =>
        {
            x.UseSetting("ConnectionStrings:Marten", AppFixture.ConnectionString);
            x.UseSetting("AsyncProjections:Enabled", "false");
            x.UseSetting("Auth:DevelopmentKey", app.Tokens.Base64Key);
            x.UseSetting("Vault:MasterKeys:k1", "dG9vIHNob3J0");
            x.ConfigureServices(s => s.RunWolverineInSoloMode());
        }));

        refused.Message.ShouldContain("Vault:MasterKeys:k1 must be base64 of exactly 32 bytes");
        refused.Message.ShouldContain("Vault:ActiveMasterKeyId");
        refused.Message.ShouldContain("Vault:SearchKey");
    }

    private Task<IAlbaHost> Production(params (string Key, string Value)[] settings) =>
        AlbaHost.For<Program>(x =>
        {
            x.UseEnvironment("Production");
            x.UseSetting("ConnectionStrings:Marten", AppFixture.ConnectionString);
            x.UseSetting("AsyncProjections:Enabled", "false");
            app.Vault.ApplyTo(x);
            foreach (var (key, value) in settings)
                x.UseSetting(key, value);
            x.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });
}
