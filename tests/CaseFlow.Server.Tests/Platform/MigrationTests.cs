using Alba;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Weasel.Core.Migrations;
using Wolverine.Runtime;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// The schema is made by the checked-in migrations alone (ops/migrations, applied by <c>ops/migrate apply</c> as the
/// owner role): a model that gained a table, a column or an index no migration makes fails here, naming the command
/// that writes the missing migration.
/// </summary>
public sealed class MigrationTests(AppFixture app) : IAsyncLifetime
{
    private const string WriteTheMigration =
        "The model differs from what ops/migrations make: run ./ops/migrate new <what-changed>, review the file it writes under ops/migrations and commit it.";

    private readonly string _name = $"caseflow_migrated_{Guid.NewGuid():N}"[..30];
    private OwnDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = new OwnDatabase(app, _name, await TestDatabases.CreateUnmigrated(_name));
        await TestDatabases.Migrate(_name);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task a_database_made_by_the_migrations_alone_matches_martens_and_wolverines_configuration()
    {
        await using var node = await _database.StartNode(projections: true);

        foreach (var (what, database) in new (string, IDatabase)[]
                 {
                     ("Marten", (IDatabase)node.DocumentStore().Storage.Database),
                     ("Wolverine", node.Services.GetRequiredService<IWolverineRuntime>().Storage.ShouldBeAssignableTo<IDatabase>()!),
                 })
        {
            try
            {
                await database.AssertDatabaseMatchesConfigurationAsync(TestContext.Current.CancellationToken);
            }
            catch (Exception e)
            {
                throw new ShouldAssertException($"{what}: {WriteTheMigration}\n{e.Message}", e);
            }
        }
    }

    [Fact]
    public async Task every_object_of_the_schema_is_the_owner_roles_also_after_the_migrations_are_applied_again()
    {
        (await TestDatabases.TryMigrate(_name)).Output.ShouldContain("no migration pending");

        await using var connection = new NpgsqlConnection(TestDatabases.Admin(_name));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var owners = new NpgsqlCommand(
            """
            select coalesce(string_agg(distinct pg_get_userbyid(c.relowner), ','), '') || '|' || count(*)
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'caseflow'
            """, connection);
        var found = (string)(await owners.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;

        found.Split('|')[0].ShouldBe("caseflow_owner", "tables, indexes and sequences of Marten and Wolverine belong to the owner role, never to the application's");
        int.Parse(found.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task a_migration_changed_after_it_was_applied_is_refused_and_nothing_is_applied()
    {
        await TestDatabases.Execute(TestDatabases.Admin(_name), "update caseflow_migrations.applied set sha256 = repeat('0', 64) where name = '0001-initial.sql'");

        var (exitCode, output) = await TestDatabases.TryMigrate(_name);

        exitCode.ShouldNotBe(0);
        output.ShouldContain("ops/migrations/0001-initial.sql changed after it was applied");
    }
}
