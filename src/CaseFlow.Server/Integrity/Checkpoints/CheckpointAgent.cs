using Microsoft.Extensions.Options;
using Wolverine.Runtime.Agents;

namespace CaseFlow.Server.Integrity.Checkpoints;

/// <summary>
/// The leader's round of checkpoints: Wolverine runs a singular agent on one node of the cluster (and moves it when
/// that node leaves), the same assignment that distributes the projections, so no election of CaseFlow's own is needed.
/// </summary>
public sealed class CheckpointAgent(CheckpointSigner signer, IOptions<CheckpointOptions> options, ILogger<CheckpointAgent> log)
    : SingularAgent("caseflow-checkpoints")
{
    private CancellationTokenSource? _stopping;
    private Task? _rounds;

    protected override Task startAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        _rounds = Rounds(_stopping.Token);
        return Task.CompletedTask;
    }

    protected override async Task stopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null || _rounds is null)
            return;
        await _stopping.CancelAsync();
        await _rounds;
        _stopping.Dispose();
    }

    private async Task Rounds(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        try
        {
            do
            {
                try
                {
                    await signer.Sign(stopping);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    log.LogError(failure, "A checkpoint round failed; the next one runs in {Interval}", options.Value.Interval);
                }
            }
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }
}
