using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CaseFlow.Server.Tests.Platform;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>A Production node (the tests' build of the server) in a process of its own, on a loopback port the kernel chose, ready once it says so.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ServerProcess> Start(string connectionString, AppFixture app)
    {
        var port = FreePort();
        var process = Process.Start(Info(connectionString, app, port)).ShouldNotBeNull();
        var node = new ServerProcess(process, port);
        // Kestrel's own line once the host has started: a signal, not a wait.
        while (await process.StandardOutput.ReadLineAsync(Ct) is { } line)
        {
            if (line.Contains("Application started", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(Ct);
                return node;
            }
        }

        throw new InvalidOperationException($"the node stopped before it started: {await process.StandardError.ReadToEndAsync(Ct)}");
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int ProcessId => _process.Id;

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static ProcessStartInfo Info(string connectionString, AppFixture app, int port)
    {
        var start = new ProcessStartInfo("dotnet", [GeneratedCodeTests.ServerAssembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Marten"] = connectionString,
                ["Auth__DevelopmentKey"] = app.Tokens.Base64Key,
                ["RateLimits__Enabled"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            },
        };
        app.Vault.ApplyTo(start.Environment);
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
