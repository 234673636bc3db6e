using System.Globalization;
using Marten;
using Spectre.Console;

namespace CaseFlow.Demo.Loader;

/// <summary>The catch-up's progress bar: how far the asynchronous projections have applied the year's events.</summary>
public static class CatchUpProgress
{
    public static Task Show(IDocumentStore store, long lastEvent, Task running) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var projections = progress.AddTask("asynchronous projections", maxValue: Math.Max(1, lastEvent));
                while (!running.IsCompleted)
                {
                    await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1)));
                    var shards = (await store.Advanced.AllProjectionProgress()).Where(p => !p.ShardName.StartsWith("HighWater", StringComparison.Ordinal)).ToList();
                    // The slowest shard is how far the read models are.
                    var reached = shards.Count == 0 ? 0 : shards.Min(p => p.Sequence);
                    projections.Value = Math.Min(projections.MaxValue, reached);
                    projections.Description = string.Create(CultureInfo.InvariantCulture,
                        $"projections: {string.Join(", ", shards.Select(p => $"{p.ShardName} {p.Sequence}"))} of {lastEvent} events");
                }

                projections.Value = projections.MaxValue;
            });
}
