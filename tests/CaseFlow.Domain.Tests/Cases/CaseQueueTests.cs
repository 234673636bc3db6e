using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>Which supervisor queues a case is on, step by step along the JEM path, and the instant it sorts by there.</summary>
public class CaseQueueTests
{
    /// <summary>Steps of <see cref="CaseKit.Path"/> taken → the queues the case is on (R review, D detainers, L release, X deadlines).</summary>
    [Theory]
    [InlineData(1, "")] // booked
    [InlineData(5, "")] // determined removable
    [InlineData(6, "R")] // detainer prepared: awaiting review
    [InlineData(7, "")] // approved
    [InlineData(8, "X")] // lodged, ICE not told: the 24-hour notice runs (on the queue; at risk only near its due instant)
    [InlineData(9, "DX")] // served: in effect, undated; the notice still runs
    [InlineData(10, "D")] // ICE told in time
    [InlineData(13, "RD")] // package submitted
    [InlineData(14, "D")] // approved
    [InlineData(17, "DLX")] // hold started: due out at its deadline, which is a running deadline
    [InlineData(19, "")] // transferred to ICE
    [InlineData(20, "")] // closed
    public void a_case_is_on_the_queues_its_facts_put_it_on(int steps, string queues)
    {
        var at = CaseQueues.Of(After(steps));

        string.Concat(new[] { ('R', at.Review), ('D', at.Detainer), ('L', at.Release), ('X', at.Deadline) }.Where(q => q.Item2 is not null).Select(q => q.Item1))
            .ShouldBe(queues);
        at.Claim.ShouldBeNull();
    }

    [Fact]
    public void a_detainer_sorts_by_its_hold_deadline_else_the_scheduled_release_else_last()
    {
        var served = After(9);
        var release = T0.AddDays(4);

        CaseQueues.Of(served).Detainer.ShouldBe(CaseQueues.Undated);
        CaseQueues.Of(Fold([.. Path().Take(9), new ScheduledReleaseSet(release)])).Detainer.ShouldBe(release);
        var held = After(17);
        CaseQueues.Of(held).Detainer.ShouldBe(held.Hold!.Deadline);
        CaseQueues.Of(held).Release.ShouldBe(held.Hold.Deadline);
    }

    [Fact]
    public void a_returned_detainer_waits_for_its_preparer_and_counts_its_returns_once_prepared_again()
    {
        var returned = Fold([.. Path().Take(6), new DetainerReturned(T0.AddHours(6), "Box 1(c)", Supervisor)]);
        var again = Fold([.. Path().Take(6), new DetainerReturned(T0.AddHours(6), "Box 1(c)", Supervisor), Path()[5] with { }]);

        CaseQueues.PendingReview(returned).ShouldBeNull();
        CaseQueues.PendingReview(again).ShouldBe(new PendingReview(ReviewSubject.Detainer, T0.AddHours(5), Jail, 1));
    }

    [Fact]
    public void a_voided_step_takes_the_case_off_the_queue_it_put_it_on()
    {
        var prepared = After(6);
        var voided = CaseFile.Evolve(prepared, Guid.NewGuid(), new EventVoided(Id(5), "Entered on the wrong case."))!;

        CaseQueues.Of(prepared).Review.ShouldBe(T0.AddHours(5));
        CaseQueues.Of(voided).Review.ShouldBeNull();
    }

    [Theory]
    [InlineData(60, null)] // reported at the hour: no breach
    [InlineData(61, null)] // a minute late: met late, nothing left to act on (the summary still says late)
    [InlineData(24 * 60, null)] // a day late: the same
    [InlineData(null, 0)] // unreported: on the queue (at risk, then missed)
    public void a_claim_report_is_on_the_deadline_queue_until_it_is_made(int? reportedAfter, int? dueAfterHours)
    {
        var asserted = T0.AddHours(2);
        var events = Path().Take(2).Append(new CitizenshipClaimAsserted(asserted, ClaimChannel.Interview)).ToList();
        if (reportedAfter is { } after)
            events.Add(new CitizenshipClaimReported(asserted.AddMinutes(after), "ERO Houston"));

        var at = CaseQueues.Of(Fold(events));

        at.Deadline.ShouldBe(dueAfterHours is null ? null : asserted + CaseDeadlines.ClaimReport);
        at.Claim.ShouldBe(asserted);
    }
}
