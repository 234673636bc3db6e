using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace CaseFlow.Demo.Loader.Tests;

/// <summary>
/// A database of one test's own, made the way <c>ops/pg</c> makes one (by the superuser <c>./ops/test</c> names in
/// <c>CASEFLOW_TEST_PG_ADMIN</c>, a copy of the template it migrated with <c>ops/migrate</c>, <c>CASEFLOW_TEST_PG_TEMPLATE</c>,
/// with <c>ops/sql/database.sql</c> applied), and the settings a CaseFlow host on it needs: a signing key and vault keys
/// of its own.
/// </summary>
public sealed class DemoTestDatabase : IAsyncDisposable
{
    private static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string VaultKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string SearchKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly string _name;

    private DemoTestDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    private static string Admin => Environment.GetEnvironmentVariable("CASEFLOW_TEST_PG_ADMIN")
        ?? throw new InvalidOperationException("CASEFLOW_TEST_PG_ADMIN is not set: run the tests with ./ops/test.");

    public static async Task<DemoTestDatabase> Create()
    {
        var name = $"caseflow_demo_{Guid.NewGuid():N}"[..30];
        var template = Environment.GetEnvironmentVariable("CASEFLOW_TEST_PG_TEMPLATE")
            ?? throw new InvalidOperationException("CASEFLOW_TEST_PG_TEMPLATE is not set: run the tests with ./ops/test.");
        await Execute(Admin, $"create database {name} template {template}");
        await Execute(On(Admin, name), await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "ops", "sql", "database.sql")));
        var app = Environment.GetEnvironmentVariable("ConnectionStrings__Marten")
            ?? throw new InvalidOperationException("ConnectionStrings__Marten is not set: run the tests with ./ops/test.");
        return new DemoTestDatabase(name, On(app, name));
    }

    /// <summary>Development (handlers generated at run time) and this database's keys.</summary>
    public static void Configure(IWebHostBuilder host)
    {
        host.UseEnvironment("Development");
        host.UseSetting("Auth:DevelopmentKey", SigningKey);
        host.UseSetting("Vault:MasterKeys:demo1", VaultKey);
        host.UseSetting("Vault:ActiveMasterKeyId", "demo1");
        host.UseSetting("Vault:SearchKey", SearchKey);
    }

    public async Task<T> Scalar<T>(string sql)
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        await using var command = source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public Task Execute(string sql) => Execute(ConnectionString, sql);

    public async ValueTask DisposeAsync() => await Execute(Admin, $"drop database {_name} with (force)");

    private static async Task Execute(string connectionString, string sql)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static string On(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CaseFlow.sln not found above the test's directory.");
    }
}
