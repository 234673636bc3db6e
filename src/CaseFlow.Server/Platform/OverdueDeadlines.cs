using Wolverine;

namespace CaseFlow.Server.Platform;

/// <summary>
/// How fast the hold deadlines that came due while no node ran are fired once one runs again. Wolverine fires the
/// scheduled messages that are due in pages of <see cref="DurabilitySettings.RecoveryBatchSize"/>, one page at each
/// node's poll every <see cref="DurabilitySettings.ScheduledJobPollingTime"/> (5 s). Its default page of 100 fires 20
/// deadlines a second with one node: after ten hours without a node at national volume (about 740 hold deadlines an
/// hour, 7,400 in all) the last would be fired six minutes after the node's return; with 500, 75 s after it.
/// docs/operations.md gives the measured rate.
/// </summary>
public static class OverdueDeadlines
{
    /// <summary>Due deadlines fired per poll. Each is a case write with its projections' share; a node keeps up (measured).</summary>
    public const int PerPoll = 500;

    public static void Configure(DurabilitySettings durability) => durability.RecoveryBatchSize = PerPoll;
}
