using Marten;
using Npgsql;

namespace CaseFlow.Server.Platform;

/// <summary>
/// PostgreSQL's clock as this node reads it: the node's own clock plus the offset last measured against the database's
/// <c>clock_timestamp()</c>. Every node shares the one database, so deadlines judged on this clock agree whatever a
/// node's own clock says. Offsets under a second are measurement noise and count as none.
/// </summary>
public sealed class DatabaseClock(TimeProvider node) : TimeProvider
{
    private static readonly TimeSpan Noise = TimeSpan.FromSeconds(1);

    private long _offsetTicks;

    /// <summary>How far the database's clock is ahead of the node's (negative: behind).</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => node.GetUtcNow() + Offset;

    /// <summary>
    /// The node's own reading of a database instant: what Wolverine's scheduler, which polls the node's clock, must be
    /// given for a message to fall due at that instant of the database's clock.
    /// </summary>
    public DateTimeOffset OnNodeClock(DateTimeOffset instant) => instant - Offset;

    /// <summary>Reads the database's clock once, taking the node's reading at the middle of the round trip.</summary>
    public async Task Measure(IDocumentStore store, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select clock_timestamp()", connection);
        var sent = node.GetUtcNow();
        var database = (DateTime)(await command.ExecuteScalarAsync(ct))!;
        var received = node.GetUtcNow();
        var offset = new DateTimeOffset(database, TimeSpan.Zero) - (sent + (received - sent) / 2);
        Interlocked.Exchange(ref _offsetTicks, offset.Duration() < Noise ? 0 : offset.Ticks);
    }
}

/// <summary>
/// Measures the database clock's offset when the node starts, before the hosted services registered after it (Wolverine's
/// scheduler among them) run, and every minute after, so a node's drift is followed.
/// </summary>
public sealed class DatabaseClockSync(DatabaseClock clock, IDocumentStore store, ILogger<DatabaseClockSync> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FirstReadingWait = TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(FirstReadingWait);
        await Measure(wait.Token);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await Measure(stoppingToken);
    }

    private async Task Measure(CancellationToken ct)
    {
        try
        {
            var before = clock.Offset;
            await clock.Measure(store, ct);
            if (clock.Offset != before)
                log.LogWarning("This node's clock differs from the database's by {OffsetSeconds} s: deadlines follow the database's", clock.Offset.TotalSeconds);
        }
        catch (Exception e)
        {
            // The offset stays as last measured (none before the first reading): deadlines then follow the node's clock.
            log.LogWarning("The database's clock could not be read: {Error}", e.GetType().Name);
        }
    }
}
