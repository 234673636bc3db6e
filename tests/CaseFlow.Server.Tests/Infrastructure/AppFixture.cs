using System.Security.Cryptography;
using Alba;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

[assembly: AssemblyFixture(typeof(CaseFlow.Server.Tests.Infrastructure.AppFixture))]

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// One CaseFlow host for the whole test assembly, over the real <c>Program</c> and the PostgreSQL database that
/// <c>./ops/test</c> provides. Tests share it, so each makes its own data and never resets the store.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;
    public TestTokens Tokens { get; } = new(RandomNumberGenerator.GetBytes(32));

    /// <summary>The vault keys of this host and, unless a test gives others, of every node it starts.</summary>
    public VaultKeys Vault { get; } = VaultKeys.Random("test-k1");

    /// <summary>This host's checkpoint key and folder (other nodes and databases get their own).</summary>
    public CheckpointSettings Checkpoints { get; } = CheckpointSettings.Random();

    /// <summary>Every log record and span of the host, for the tests that no identifier leaks into them.</summary>
    public CapturedTelemetry Telemetry { get; } = new();

    /// <summary>How long writers wait for a busy case here: short, so the test of a timed-out wait is quick.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(2);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Marten")
        ?? throw new InvalidOperationException("ConnectionStrings__Marten is not set: run the tests with ./ops/test, which starts PostgreSQL.");

    public IDocumentStore Store => Host.DocumentStore();

    public async ValueTask InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(x =>
        {
            x.UseSetting("ConnectionStrings:Marten", ConnectionString);
            x.UseSetting("Auth:DevelopmentKey", Tokens.Base64Key);
            Vault.ApplyTo(x);
            Checkpoints.ApplyTo(x);
            x.UseSetting("Intake:LockWait", LockWait.ToString());
            // Read-your-write waits end when the queue projection passes the write, so a long bound costs a healthy run
            // nothing; the default 2 s answered stale on a loaded machine. FreshnessTests set their own short waits.
            x.UseSetting("Queues:FreshnessWait", "00:00:30");
            // Telemetry fully on, exported nowhere (the discard port): what the instrumentation adds to spans, logs and
            // metrics is then in what the identifier leak test searches.
            x.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9");
            // The limiter stays in the pipeline, with a budget no test reaches; RateLimitTests use a small one.
            x.UseSetting("RateLimits:PermitsPerSecond", "100000");
            x.UseSetting("RateLimits:Burst", "100000");
            x.ConfigureServices(s =>
            {
                s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Telemetry);
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });
    }

    /// <summary>
    /// Another CaseFlow node on the same database, running no projections (this fixture's host runs them), with this
    /// host's vault keys unless <paramref name="vault"/> names others.
    /// </summary>
    public Task<IAlbaHost> StartNode(Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null, VaultKeys? vault = null) =>
        AlbaHost.For<Program>(x =>
        {
            ConfigureNode(x, vault);
            configure?.Invoke(x);
        });

    /// <summary>How another node on this fixture's database is set up: no projections, this host's keys unless told otherwise.</summary>
    public void ConfigureNode(Microsoft.AspNetCore.Hosting.IWebHostBuilder x, VaultKeys? vault = null)
    {
        x.UseSetting("ConnectionStrings:Marten", ConnectionString);
        x.UseSetting("AsyncProjections:Enabled", "false");
        x.UseSetting("Auth:DevelopmentKey", Tokens.Base64Key);
        (vault ?? Vault).ApplyTo(x);
        x.ConfigureServices(s =>
        {
            s.RunWolverineInSoloMode();
            s.DisableAllExternalWolverineTransports();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        Telemetry.Dispose();
    }
}
