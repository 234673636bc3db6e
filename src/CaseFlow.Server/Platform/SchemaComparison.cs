using Marten;

namespace CaseFlow.Server.Platform;

/// <summary>
/// Whether the database's schema matches this build, for readiness. Marten's comparison reads the catalogue of every
/// table and function and diffs it against the model: a few hundred milliseconds, most of a node's time from "started"
/// to "ready" when it ran on the first probe. So it starts with the host, beside the rest of the start-up, and a
/// successful answer stands for <see cref="Recheck"/>; a failed one is compared again at the next probe.
/// </summary>
public sealed class SchemaComparison(IDocumentStore store, TimeProvider clock)
{
    public static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private Task? _comparison;
    private DateTimeOffset _startedAt;

    /// <summary>The comparison under way or still standing, or a new one: throws when the schema differs or the database cannot be read.</summary>
    public Task Latest(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_comparison is null || _comparison.IsFaulted || now - _startedAt >= Recheck)
            {
                _startedAt = now;
                // Not the probe's token: a probe that gives up must not cancel the comparison the next one waits for.
                _comparison = Task.Run(() => store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(CancellationToken.None), CancellationToken.None);
            }
            return _comparison.WaitAsync(cancellationToken);
        }
    }
}

/// <summary>
/// Starts the first comparison before any hosted service starts (the store's seed and Wolverine's runtime take most of
/// the start-up), so the first readiness probe finds it done.
/// </summary>
public sealed class SchemaComparisonAtStart(SchemaComparison comparison) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // Observed by the probes (Latest); a failure here is only remembered until the next one.
        _ = comparison.Latest(CancellationToken.None).ContinueWith(t => t.Exception, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
