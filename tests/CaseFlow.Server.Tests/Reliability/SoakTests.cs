using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Soak;

namespace CaseFlow.Server.Tests.Reliability;

/// <summary>
/// The soak's short version (ops/bench/soak runs it for 30 minutes against a Release node): a minute of bookings and
/// reads against a Production node in its own process, with tokens of 20 s that the clients must renew several
/// times. No error, and the node's peak resident memory within the soak's 300 MiB. The trend is printed, not judged:
/// a fresh node's resident set still grows through its first minutes (JIT, the GC's budgets, pools), so only the full
/// soak's slope after its warm-up says anything about a leak.
/// </summary>
public sealed class SoakTests(AppFixture app)
{
    [Fact]
    public async Task a_minute_of_mixed_traffic_with_renewed_tokens_has_no_error_and_stays_within_the_memory_limit()
    {
        await using var database = await OwnDatabase.Create(app, "soak");
        using var node = await ServerProcess.Start(database.ConnectionString, app);
        var output = new StringWriter();
        var options = new SoakOptions(node.BaseAddress, node.ProcessId, Convert.FromBase64String(app.Tokens.Base64Key),
            Duration: TimeSpan.FromSeconds(60), WarmUp: TimeSpan.FromSeconds(20), SampleEvery: TimeSpan.FromSeconds(5),
            TokenLifetime: TimeSpan.FromSeconds(20), SlopeLimitMiBPerMinute: null);

        var result = await SoakRun.Run(options, output);

        TestContext.Current.TestOutputHelper?.WriteLine(output.ToString());
        result.Missed.ShouldBeEmpty(output.ToString());
        result.Samples.Count.ShouldBe(12);
        result.Bookings.ShouldBeInRange(570, 600, "10 bookings/s, steadily");
        result.TokensMinted.ShouldBeGreaterThanOrEqualTo(3 * 3, "each caller renews its 20-second token at least twice in a minute");
    }

    [Fact]
    public void the_trend_is_the_least_squares_slope_of_resident_memory_in_mib_per_minute()
    {
        MemorySample Sample(double seconds, double rss) => new(TimeSpan.FromSeconds(seconds), rss, rss);

        MemorySample.SlopeMiBPerMinute([Sample(0, 200), Sample(30, 201), Sample(60, 202), Sample(90, 203)]).ShouldBe(2, 1e-9);
        MemorySample.SlopeMiBPerMinute([Sample(0, 210), Sample(10, 190), Sample(20, 210), Sample(30, 190)]).ShouldBe(-24, 1e-9);
        MemorySample.SlopeMiBPerMinute([Sample(0, 250)]).ShouldBe(0);
    }
}
