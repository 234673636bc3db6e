using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CaseFlow.Server.Tests.Platform;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// A Production node in a process of its own, on a loopback port the kernel chose, ready once it says so; under
/// Debian's libfaketime when given a clock offset, so its own clock runs ahead or behind the database's.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    /// <param name="clockOffset">faketime's offset for the node's clock (<c>+2h</c>, <c>-2h</c>); the node's own clock unless given.</param>
    public static async Task<ServerProcess> Start(string connectionString, AppFixture app, string? clockOffset = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort();
        var process = Process.Start(Info(connectionString, app, port, clockOffset)).ShouldNotBeNull();
        var node = new ServerProcess(process, port);
        // Kestrel's own line once the host has started: a signal, not a wait.
        while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
        {
            if (line.Contains("Application started", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(ct);
                return node;
            }
        }

        throw new InvalidOperationException($"the node stopped before it started: {await process.StandardError.ReadToEndAsync(ct)}");
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

    /// <summary>Debian's libfaketime (the faketime package), in the machine's multiarch library folder.</summary>
    private static string LibFaketime() =>
        Directory.GetDirectories("/usr/lib", "*-linux-gnu")
            .Select(folder => Path.Combine(folder, "faketime", "libfaketime.so.1"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("libfaketime.so.1 is not installed (Debian's faketime package; ./ops/test installs it)");

    private static ProcessStartInfo Info(string connectionString, AppFixture app, int port, string? clockOffset)
    {
        var start = new ProcessStartInfo("dotnet", [GeneratedCodeTests.ServerAssembly]);
        if (clockOffset is not null)
        {
            // libfaketime preloaded directly, not through the faketime wrapper: the wrapper keeps a semaphore and shared
            // memory named after its pid, which a killed wrapper leaves behind and a later one with the same pid cannot
            // create ("sem_open: File exists").
            start.Environment["LD_PRELOAD"] = LibFaketime();
            start.Environment["FAKETIME"] = clockOffset;
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["Auth__DevelopmentKey"] = app.Tokens.Base64Key;
        start.Environment["RateLimits__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // Only the wall clock is moved: timers and delays keep the real monotonic clock.
        start.Environment["FAKETIME_DONT_FAKE_MONOTONIC"] = "1";
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
