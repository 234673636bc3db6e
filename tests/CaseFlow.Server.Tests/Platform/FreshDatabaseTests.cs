using System.Diagnostics;
using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Wolverine;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// The production path from nothing: a new database, the schema applied by the server's own <c>db-apply</c>, then a
/// Production node (no automatic schema changes) that takes a booking. A document type missing from the schema
/// would fail here, not in front of a jail.
/// </summary>
public sealed class FreshDatabaseTests(AppFixture app) : IAsyncLifetime
{
    private readonly string _database = $"caseflow_fresh_{Guid.NewGuid():N}"[..30];

    private string ConnectionString { get; set; } = "";

    public async ValueTask InitializeAsync() => ConnectionString = await TestDatabases.Create(_database);

    public async ValueTask DisposeAsync() => await TestDatabases.Drop(_database);

    [Fact]
    public async Task a_production_node_on_a_database_db_apply_prepared_takes_a_booking()
    {
        await Run("db-apply");

        await using var node = await ProductionNode();

        await node.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBeOk();
        });
        await node.PostBooking(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend), Envelopes.Booking(Envelopes.NewBookingNumber()));
    }

    [Fact]
    public async Task a_production_node_started_before_its_migration_does_not_start_and_one_started_after_it_is_ready()
    {
        var refused = await Should.ThrowAsync<Exception>(ProductionNode());
        refused.ToString().ShouldContain("does not exist", Case.Sensitive, "start-up must fail on the missing schema, not on something else");

        await Run("db-apply");

        await using var node = await ProductionNode();
        await node.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBeOk();
        });
    }

    private Task<IAlbaHost> ProductionNode() =>
        AlbaHost.For<Program>(x =>
        {
            x.UseEnvironment("Production");
            x.UseSetting("ConnectionStrings:Marten", ConnectionString);
            x.UseSetting("Auth:DevelopmentKey", app.Tokens.Base64Key);
            app.Vault.ApplyTo(x);
            x.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });

    private async Task Run(string command)
    {
        var start = new ProcessStartInfo("dotnet", [GeneratedCodeTests.ServerAssembly, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__Marten"] = ConnectionString },
        };
        app.Vault.ApplyTo(start.Environment);
        using var process = Process.Start(start).ShouldNotBeNull();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, $"{command} failed:\n{await output}\n{await errors}");
    }
}
