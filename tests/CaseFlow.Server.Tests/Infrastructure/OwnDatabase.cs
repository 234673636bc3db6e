using Alba;
using Wolverine;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// A database of one test's own, and CaseFlow nodes on it: for what the shared fixture must not see (a stopped
/// projection, a dead letter) or cannot do (restart the node that runs the projections).
/// </summary>
public sealed class OwnDatabase(AppFixture app, string name, string connectionString) : IAsyncDisposable
{
    public string ConnectionString => connectionString;

    /// <summary>A superuser's connection to this database: what a tamperer with the database's keys holds.</summary>
    public string SuperuserConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(TestDatabases.AdminConnectionString) { Database = name }.ConnectionString;

    public static async Task<OwnDatabase> Create(AppFixture app, string purpose)
    {
        var name = $"caseflow_{purpose}_{Guid.NewGuid():N}"[..40];
        return new OwnDatabase(app, name, await TestDatabases.Create(name));
    }

    /// <summary>A node on this database, with the fixture's keys; it runs the asynchronous projections unless told not to.</summary>
    public Task<IAlbaHost> StartNode(bool projections = true, Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null) =>
        AlbaHost.For<Program>(x =>
        {
            x.UseSetting("ConnectionStrings:Marten", connectionString);
            x.UseSetting("AsyncProjections:Enabled", projections.ToString());
            x.UseSetting("Auth:DevelopmentKey", app.Tokens.Base64Key);
            app.Vault.ApplyTo(x);
            x.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
            configure?.Invoke(x);
        });

    public async ValueTask DisposeAsync() => await TestDatabases.Drop(name);
}
