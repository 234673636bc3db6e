using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace CaseFlow.Bench.Faults;

/// <summary>
/// A TCP relay between the nodes and PostgreSQL that delays every chunk it forwards by a fixed latency and, whenever
/// something connects to its control port, cuts every open connection at once (the nodes see their connections reset
/// mid-query, as on a network failure). A port, not a signal: a shell started under nohup ignores SIGHUP for its
/// children. Loopback only; runs until SIGTERM.
/// </summary>
public static class TcpFaultProxy
{
    public static async Task<int> Run(string[] args)
    {
        var options = FaultOptions.Parse(args);
        var target = new IPEndPoint(IPAddress.Loopback, options.Int("target", 0));
        var latency = TimeSpan.FromMilliseconds(options.Int("latency-ms", 0));
        var listener = new TcpListener(IPAddress.Loopback, options.Int("listen", 0));
        listener.Start();

        var open = new System.Collections.Concurrent.ConcurrentDictionary<Socket, byte>();
        using var stop = new CancellationTokenSource();
        var control = new TcpListener(IPAddress.Loopback, options.Int("control", 0));
        control.Start();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
        Console.WriteLine($"proxy: 127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port} -> {target}, {latency.TotalMilliseconds} ms each way");

        try
        {
            await Task.WhenAll(Accept(listener, client => _ = Relay(client, target, latency, open), stop.Token),
                Accept(control, command => { command.Dispose(); Cut(open); }, stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }

    private static async Task Accept(TcpListener listener, Action<Socket> accepted, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
            accepted(await listener.AcceptSocketAsync(stop));
    }

    private static void Cut(System.Collections.Concurrent.ConcurrentDictionary<Socket, byte> open)
    {
        var sockets = open.Keys.ToList();
        foreach (var socket in sockets)
            Reset(socket);
        Console.WriteLine($"proxy: cut {sockets.Count} sockets");
    }

    /// <summary>Closes with a reset, not an orderly close; a relay may have closed the socket first.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static async Task Relay(Socket client, IPEndPoint target, TimeSpan latency, System.Collections.Concurrent.ConcurrentDictionary<Socket, byte> open)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        open[client] = 0;
        open[server] = 0;
        try
        {
            await server.ConnectAsync(target);
            await Task.WhenAny(Pump(client, server, latency), Pump(server, client, latency));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            open.TryRemove(client, out _);
            open.TryRemove(server, out _);
            client.Dispose();
            server.Dispose();
        }
    }

    private static async Task Pump(Socket from, Socket to, TimeSpan latency)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0)
            {
                if (latency > TimeSpan.Zero)
                    await Task.Delay(latency);
                await to.SendAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }
}
