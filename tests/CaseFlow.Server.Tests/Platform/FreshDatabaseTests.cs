using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Wolverine;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// The production path from nothing: a new database, the migrations applied by <c>ops/migrate apply</c> as the owner role,
/// then a Production node (no automatic schema changes, as <c>caseflow_app</c>) that takes a booking. A document type
/// missing from the migrations would fail here, not in front of a jail.
/// </summary>
public sealed class FreshDatabaseTests(AppFixture app) : IAsyncLifetime
{
    private readonly string _database = $"caseflow_fresh_{Guid.NewGuid():N}"[..30];

    private string ConnectionString { get; set; } = "";

    public async ValueTask InitializeAsync() => ConnectionString = await TestDatabases.CreateUnmigrated(_database);

    public async ValueTask DisposeAsync() => await TestDatabases.Drop(_database);

    [Fact]
    public async Task a_production_node_on_a_database_ops_migrate_prepared_takes_a_booking()
    {
        await TestDatabases.Migrate(_database);

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

        await TestDatabases.Migrate(_database);

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
}
