using Npgsql;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// Databases of their own for the tests that must not share the fixture's, made the way <c>ops/pg</c> makes one: by a
/// superuser (<c>CASEFLOW_TEST_PG_ADMIN</c>), with <c>ops/sql/database.sql</c> applied (the application's rights, the
/// access audit).
/// </summary>
public static class TestDatabases
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("CASEFLOW_TEST_PG_ADMIN")
        ?? throw new InvalidOperationException("CASEFLOW_TEST_PG_ADMIN is not set: run the tests with ./ops/test.");

    /// <summary>Creates the database and returns the application's connection string for it.</summary>
    public static async Task<string> Create(string name)
    {
        await Execute(AdminConnectionString, $"create database {name}");
        await Execute(On(AdminConnectionString, name), await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "ops", "sql", "database.sql")));
        return On(AppFixture.ConnectionString, name);
    }

    public static Task Drop(string name) => Execute(AdminConnectionString, $"drop database {name} with (force)");

    public static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static string On(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
}
