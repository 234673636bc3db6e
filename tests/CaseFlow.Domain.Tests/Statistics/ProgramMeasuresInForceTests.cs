using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Tests.Statistics;

/// <summary>Agreements in force at a month's end are judged at the last instant of that month in each agreement's own zone.</summary>
public class ProgramMeasuresInForceTests
{
    private static readonly DateOnly December = new(2025, 12, 1);

    // December's last instant: 2026-01-01 04:59:59.9999999 UTC in New York, 07:59:59.9999999 UTC in Los Angeles.
    private static readonly DateTimeOffset NewYorkJanuary = new(2026, 1, 1, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LosAngelesJanuary = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("America/New_York", 0, true)]
    [InlineData("America/New_York", -1, false)]
    [InlineData("America/Los_Angeles", 0, true)]
    [InlineData("America/Los_Angeles", -1, false)]
    public void a_suspension_counts_from_the_first_instant_of_the_next_month_in_the_agreements_zone(string zone, int ticksBeforeJanuary, bool inForce)
    {
        var january = zone == "America/New_York" ? NewYorkJanuary : LosAngelesJanuary;
        var agreement = SuspendedAt("NY0000001", zone, january.AddTicks(ticksBeforeJanuary));

        ProgramMeasures.InForce([agreement], December).Count.ShouldBe(inForce ? 1 : 0);
    }

    [Fact]
    public void agreements_of_several_zones_are_each_judged_in_their_own()
    {
        // Suspended at 06:00 UTC: after December ended in New York, before it ended in Los Angeles.
        var at = new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero);
        var agreements = new[]
        {
            SuspendedAt("NY0000001", "America/New_York", at),
            SuspendedAt("CA0000001", "America/Los_Angeles", at),
            SuspendedAt("NY0000002", "America/New_York", NewYorkJanuary.AddTicks(-1)),
            SuspendedAt("CA0000002", "America/Los_Angeles", LosAngelesJanuary),
        };

        ProgramMeasures.InForce(agreements, December).Select(a => a.Ori).ShouldBe(["NY0000001", "CA0000002"]);
    }

    private static Agreement SuspendedAt(string ori, string zone, DateTimeOffset at)
    {
        var signed = Agreement.Sign(new AgreementSigned(
            AgreementId.For(ori, ProgramModel.JEM), ori, false, "Sheriff's Office", ori[..2], null, ProgramModel.JEM,
            new DateOnly(2025, 1, 6), "NYC", zone, new DateOnly(2025, 7, 18), "ICE list"));
        return Agreement.Evolve(signed, new AgreementSuspended(at, "review"))!;
    }
}
