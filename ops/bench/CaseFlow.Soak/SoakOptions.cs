namespace CaseFlow.Soak;

/// <summary>
/// How a soak runs: against the node at <see cref="CaseFlow"/> (process <see cref="ServerPid"/>, whose memory is
/// sampled), for <see cref="Duration"/> at steady rates; the trend is fitted to the samples after <see cref="WarmUp"/>.
/// Tokens live <see cref="TokenLifetime"/> and are renewed once less than a quarter of that is left. Without a
/// <see cref="SlopeLimitMiBPerMinute"/> the trend is printed, not judged (a run too short to be past its warm-up).
/// </summary>
public sealed record SoakOptions(
    Uri CaseFlow,
    int ServerPid,
    byte[] SigningKey,
    TimeSpan Duration,
    TimeSpan WarmUp,
    TimeSpan SampleEvery,
    TimeSpan TokenLifetime,
    int BookingsPerSecond = 10,
    int ReadsPerSecond = 30,
    double PeakLimitMiB = 300,
    double? SlopeLimitMiBPerMinute = 1.0)
{
    /// <summary>The full soak: 30 minutes (or <paramref name="minutes"/>), samples every 10 s, 5 minutes' warm-up (a sixth of a shorter run), 5-minute tokens.</summary>
    public static SoakOptions Full(Uri caseflow, int serverPid, byte[] key, double minutes) => new(
        caseflow, serverPid, key, TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(Math.Min(5, minutes / 6)),
        TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));
}
