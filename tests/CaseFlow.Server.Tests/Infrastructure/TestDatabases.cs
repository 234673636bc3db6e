using Npgsql;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// Databases of their own for the tests that must not share the fixture's, made the way <c>ops/pg</c> makes one: by a
/// superuser (<c>CASEFLOW_TEST_PG_ADMIN</c>), with <c>ops/sql/database.sql</c> applied (the application's rights, the
/// schema owned by <c>caseflow_owner</c>, the access audit), as a copy of the template <c>./ops/test</c> migrated once
/// with <c>ops/migrate</c> (<c>CASEFLOW_TEST_PG_TEMPLATE</c>), or empty for the tests of the migrations themselves.
/// </summary>
public static class TestDatabases
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("CASEFLOW_TEST_PG_ADMIN")
        ?? throw new InvalidOperationException("CASEFLOW_TEST_PG_ADMIN is not set: run the tests with ./ops/test.");

    private static string Template =>
        Environment.GetEnvironmentVariable("CASEFLOW_TEST_PG_TEMPLATE")
        ?? throw new InvalidOperationException("CASEFLOW_TEST_PG_TEMPLATE is not set: run the tests with ./ops/test.");

    /// <summary>Creates the database with the schema the migrations make and returns the application's connection string for it.</summary>
    public static Task<string> Create(string name) => Make(name, $"create database {name} template {Template}");

    /// <summary>Creates the database with no migration applied (not even the first) and returns the application's connection string for it.</summary>
    public static Task<string> CreateUnmigrated(string name) => Make(name, $"create database {name}");

    /// <summary>Applies the pending migrations to the database with the operators' own command, <c>ops/migrate apply</c>.</summary>
    public static async Task Migrate(string name)
    {
        var (exitCode, output) = await TryMigrate(name);
        exitCode.ShouldBe(0, $"ops/migrate apply failed:\n{output}");
    }

    /// <summary><c>ops/migrate apply</c> on the database: its exit code, and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> TryMigrate(string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        var conninfo = $"host={admin.Host} port={admin.Port} dbname={name} user={admin.Username} password={admin.Password}";
        var run = await RepositoryScript.Execute("ops/migrate", ["apply", "--url", conninfo]);
        return (run.ExitCode, run.Printed);
    }

    public static Task Drop(string name) => Execute(AdminConnectionString, $"drop database {name} with (force)");

    /// <summary>The superuser's connection string on the database.</summary>
    public static string Admin(string name) => On(AdminConnectionString, name);

    /// <summary>
    /// A superuser's connection to the database of <paramref name="appConnectionString"/> with triggers off (as
    /// <c>session_replication_role = replica</c> turns them off): the writer the event store's guards cannot stop, for
    /// the tests of what detects tampering.
    /// </summary>
    public static async Task<NpgsqlConnection> OpenAsTamperingSuperuser(string appConnectionString)
    {
        var connection = new NpgsqlConnection(Admin(new NpgsqlConnectionStringBuilder(appConnectionString).Database!));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var replica = new NpgsqlCommand("set session_replication_role = replica", connection);
        await replica.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        // A database copied from the template waits for a checkpoint, which on a busy two-core machine took over
        // Npgsql's default 30 s once (QueueViewUpgradeTests, 2026-12-05): set-up, not what a test judges.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<string> Make(string name, string create)
    {
        await Execute(AdminConnectionString, create);
        await Execute(Admin(name), await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "ops", "sql", "database.sql")));
        return On(AppFixture.ConnectionString, name);
    }

    private static string On(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
}
