using Microsoft.Extensions.Options;
using Npgsql;

namespace CaseFlow.Server.Audit;

/// <summary>
/// Stores the queued access records in batches (binary COPY, one round trip per batch), letting them gather for
/// <see cref="AccessLogOptions.Gathering"/> first. A batch that cannot be stored is kept and tried again: an audit
/// record is never dropped while the node runs. On shutdown the queue is drained first.
/// </summary>
public sealed class AccessLogWriter(
    AccessLog log, AccessLogDatabase database, IOptions<AccessLogOptions> options, Operations.CaseFlowMetrics metrics, ILogger<AccessLogWriter> logger)
    : BackgroundService
{
    private const int MaxBatch = 1_000;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        log.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var records = new List<AccessRecord>(MaxBatch);
        var flushes = new List<TaskCompletionSource>();
        // Not cancelled by stoppingToken: on shutdown the channel is completed and what it holds is still stored.
        while (await log.Pending.WaitToReadAsync(CancellationToken.None))
        {
            Take(records, flushes);
            if (flushes.Count == 0 && records.Count < MaxBatch && options.Value.Gathering > TimeSpan.Zero)
            {
                await Task.Delay(options.Value.Gathering, CancellationToken.None);
                Take(records, flushes);
            }

            await Store(records, stoppingToken);
            records.Clear();
            log.Storing(records);
            flushes.ForEach(f => f.TrySetResult());
            flushes.Clear();
        }
    }

    private void Take(List<AccessRecord> records, List<TaskCompletionSource> flushes)
    {
        while (records.Count < MaxBatch && log.Pending.TryRead(out var item))
        {
            if (item is AccessRecord record)
                records.Add(record);
            else if (item is TaskCompletionSource flush)
                flushes.Add(flush);
        }

        log.Storing(records);
    }

    private async Task Store(List<AccessRecord> records, CancellationToken stoppingToken)
    {
        for (var attempt = 1; records.Count > 0; attempt++)
        {
            try
            {
                await database.Store(records);
                log.Failing = false;
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                log.Failing = true;
                metrics.AccessLogWriteFailed();
                if (stoppingToken.IsCancellationRequested && attempt >= 3)
                {
                    logger.LogCritical("Stopping with {Count} access records that could not be stored ({Error})", records.Count, e.GetType().Name);
                    return;
                }

                logger.LogError("Access records could not be stored, attempt {Attempt} ({Error}); retrying", attempt, e.GetType().Name);
                await Task.Delay(RetryDelay, CancellationToken.None);
            }
        }
    }
}
