using Npgsql;

namespace CaseFlow.Server.Audit;

/// <summary>
/// Keeps the access log's monthly partitions made ahead of the node's clock (<c>caseflow_audit.ensure_partitions</c>,
/// ops/sql/database.sql): at start and daily, the current month and the three after it. A record dated outside them
/// still lands, in the default partition. A loader writing a year in simulated time makes that year's partitions first
/// (<see cref="Ensure"/>): its clock moves faster than a day.
/// </summary>
public sealed class AccessLogPartitions(AccessLogDatabase database, TimeProvider clock, ILogger<AccessLogPartitions> log) : BackgroundService
{
    public const int MonthsAhead = 3;
    private static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                var now = clock.GetUtcNow();
                if (await Ensure(database, now, now.AddMonths(MonthsAhead), stoppingToken) is var made and > 0)
                    log.LogInformation("Made {Partitions} monthly partitions of the access log", made);
            }
            catch (Exception e) when (e is NpgsqlException && !stoppingToken.IsCancellationRequested)
            {
                log.LogError("The access log's partitions ahead could not be made ({Error}); trying again in a day", e.GetType().Name);
            }
        }
        while (await WaitForNextDay(stoppingToken));
    }

    /// <summary>Makes the monthly partitions from the month of <paramref name="from"/> through that of <paramref name="through"/> that are missing; answers how many it made.</summary>
    public static async Task<int> Ensure(AccessLogDatabase database, DateTimeOffset from, DateTimeOffset through, CancellationToken ct)
    {
        await using var command = database.DataSource.CreateCommand("select caseflow_audit.ensure_partitions($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = through });
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<bool> WaitForNextDay(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Every, clock, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
