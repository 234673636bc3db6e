using CaseFlow.Demo.Plan;
using CaseFlow.Demo.Year;

namespace CaseFlow.Demo.Tests;

/// <summary>The plan streams: what waits in its queue follows the open cases, not the year.</summary>
public class MemoryTests
{
    [Fact]
    public void The_pending_queue_stays_within_its_bound_while_a_full_year_streams()
    {
        var settings = new DemoSettings(9, 0.2);
        var cast = YearCast.Build(settings, Years.Agreements);
        var schedule = new YearSchedule(cast, settings);
        var writes = schedule.Writes().Count();
        var cases = Volume.CasesAtScaleOne * settings.Scale;
        writes.ShouldBeGreaterThan((int)(cases * 5));
        schedule.PeakPending.ShouldBeLessThan(YearSchedule.PendingBound(cast, settings.Scale));
        schedule.Pending.ShouldBe(0);
    }
}
