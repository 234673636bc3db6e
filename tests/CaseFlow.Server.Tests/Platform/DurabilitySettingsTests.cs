using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Runtime;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// The settings a running node's durability agent uses are CaseFlow's, not Wolverine's defaults (a dead node judged
/// after a minute; 100 overdue deadlines per poll). What they bound is measured outside the suite: the take-over by
/// <c>ops/faults node-kill</c>, the firing rate by the benchmarks' settle time (docs/benchmarks.md).
/// </summary>
public class DurabilitySettingsTests(AppFixture app)
{
    [Fact]
    public void a_running_node_judges_a_silent_node_dead_within_the_take_over_bound()
    {
        var durability = app.Host.Services.GetRequiredService<IWolverineRuntime>().Options.Durability;

        durability.HealthCheckPollingTime.ShouldBe(ClusterTakeover.Heartbeat);
        durability.StaleNodeTimeout.ShouldBe(ClusterTakeover.DeadAfter);
        durability.NodeReassignmentPollingTime.ShouldBe(ClusterTakeover.Heartbeat);
    }

    [Fact]
    public void a_running_node_fires_more_overdue_deadlines_per_poll_than_wolverines_default()
    {
        var durability = app.Host.Services.GetRequiredService<IWolverineRuntime>().Options.Durability;

        durability.RecoveryBatchSize.ShouldBe(OverdueDeadlines.PerPoll);
        durability.RecoveryBatchSize.ShouldBeGreaterThan(new DurabilitySettings().RecoveryBatchSize);
    }
}
