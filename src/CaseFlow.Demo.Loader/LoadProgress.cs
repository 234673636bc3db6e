using System.Globalization;
using CaseFlow.Demo.Plan;
using CaseFlow.Server.Platform;
using Marten;
using Spectre.Console;

namespace CaseFlow.Demo.Loader;

/// <summary>The load's progress bar: how far through the year the clock is, the events stored, events/s and the time left.</summary>
public static class LoadProgress
{
    private static readonly DateTimeOffset YearEnd = new(DemoSettings.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static Task Show(DemoLanes load, IDocumentStore store, Task running) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var year = progress.AddTask("FY2026", maxValue: (YearEnd - load.Start).TotalSeconds);
                var started = DateTimeOffset.UtcNow;
                while (!running.IsCompleted)
                {
                    await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1)));
                    var events = await LastEvent(store);
                    year.Value = Math.Min(year.MaxValue, (load.Now - load.Start).TotalSeconds);
                    year.Description = string.Create(CultureInfo.InvariantCulture,
                        $"FY2026 {load.Now:yyyy-MM-dd} {events} events {events / (DateTimeOffset.UtcNow - started).TotalSeconds:0} events/s");
                }

                year.Value = year.MaxValue;
            });

    /// <summary>The event sequence's last value: cheap at any size, unlike a count.</summary>
    public static async Task<long> LastEvent(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return (await session.AdvancedSql.QueryAsync<long>($"select last_value from {PersistenceSetup.SchemaName}.mt_events_sequence", CancellationToken.None)).Single();
    }
}
