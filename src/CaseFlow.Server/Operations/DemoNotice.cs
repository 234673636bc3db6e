using Marten;

namespace CaseFlow.Server.Operations;

/// <summary>At start-up, a node whose database holds a <see cref="DemoMark"/> says, once, that it serves a demo year.</summary>
public sealed class DemoNotice(IDocumentStore store, ILogger<DemoNotice> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<DemoMark>(DemoMark.Key, cancellationToken) is { } mark)
            logger.LogWarning("This node serves a demo database: fiscal year 2026 made up by the demo loader (seed {Seed}, scale {Scale}, {State}), not real cases",
                mark.Seed, mark.Scale, mark.Complete ? "loaded" : "loading");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
