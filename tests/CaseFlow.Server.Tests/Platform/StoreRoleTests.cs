using CaseFlow.Domain.Officers;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// A process that rebuilds projections (the <c>projections</c> command) fetches large pages and plans each statement with
/// its values; a node keeps PostgreSQL's plan cache and pages the generic plan does not outgrow.
/// </summary>
public class StoreRoleTests
{
    [Theory]
    [InlineData(new string[0], StoreRole.Node)]
    [InlineData(new[] { "codegen", "write" }, StoreRole.Node)]
    [InlineData(new[] { "projections", "rebuild", "-p", "CaseQueues" }, StoreRole.Rebuild)]
    [InlineData(new[] { "projections", "list" }, StoreRole.Rebuild)]
    public void the_command_line_says_whether_a_process_rebuilds(string[] args, StoreRole role) =>
        PersistenceSetup.RoleOf(args, new ConfigurationBuilder().Build()).ShouldBe(role);

    [Theory]
    [InlineData(new string[0], "Rebuild", StoreRole.Rebuild)]
    [InlineData(new string[0], "Node", StoreRole.Node)]
    [InlineData(new[] { "projections", "rebuild" }, "Node", StoreRole.Rebuild)]
    public void any_other_process_takes_its_role_from_its_settings(string[] args, string setting, StoreRole role) =>
        PersistenceSetup.RoleOf(args, new ConfigurationBuilder().AddInMemoryCollection([new("StoreRole", setting)]).Build()).ShouldBe(role);

    [Theory]
    [InlineData(StoreRole.Node, "auto")]
    [InlineData(StoreRole.Rebuild, "force_custom_plan")]
    public async Task a_rebuild_connects_with_every_statement_planned_with_its_values_and_a_node_with_the_plan_cache(StoreRole role, string planCacheMode)
    {
        var intake = new IntakeOptions { LockWait = TimeSpan.FromMilliseconds(1_234) };
        await using var connection = new NpgsqlConnection(PersistenceSetup.StoreConnectionString(AppFixture.ConnectionString, intake, role));
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        (await Setting(connection, "plan_cache_mode")).ShouldBe(planCacheMode);
        (await Setting(connection, "lock_timeout")).ShouldBe("1234ms");
    }

    [Fact]
    public void settings_the_operator_gave_are_kept_and_the_others_added()
    {
        var options = new NpgsqlConnectionStringBuilder(PersistenceSetup.StoreConnectionString(
            "Host=db;Options=-c lock_timeout=50 -c statement_timeout=9000", new IntakeOptions(), StoreRole.Rebuild)).Options;

        options.ShouldBe("-c lock_timeout=50 -c statement_timeout=9000 -c plan_cache_mode=force_custom_plan");
    }

    [Theory]
    [InlineData(StoreRole.Node, 5_000)]
    [InlineData(StoreRole.Rebuild, 25_000)]
    public void the_per_case_projections_fetch_pages_by_role(StoreRole role, int pageSize)
    {
        var opts = new StoreOptions();
        PersistenceSetup.ConfigureProjections(opts, RefresherPolicy.Default, withAsync: true, role);

        foreach (var name in new[] { CaseReadModels.Name, "CaseFile" })
            opts.Projections.All.Single(p => p.Name == name).Options.BatchSize.ShouldBe(pageSize, name);
    }

    private static async Task<string?> Setting(NpgsqlConnection connection, string name)
    {
        await using var command = new NpgsqlCommand($"show {name}", connection);
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
