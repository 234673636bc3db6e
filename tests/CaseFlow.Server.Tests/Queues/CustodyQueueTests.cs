using CaseFlow.Server.Queues;
using CaseFlow.Server.Tests.Infrastructure;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Queues;

/// <summary>The detainer and release queues: who is held, who is due out, soonest first, with time left computed when read.</summary>
public class CustodyQueueTests(AppFixture app)
{
    private static string In(TimeSpan fromNow) => Envelopes.Instant(DateTimeOffset.UtcNow + fromNow);

    private static Task<Alba.IScenarioResult> ReleaseAt(CaseScenario jem, Guid caseId, TimeSpan fromNow) =>
        jem.Post(caseId, "ScheduledReleaseSet", new { at = In(fromNow), reason = "sentence served" }, officer: null);

    [Fact]
    public async Task detainers_in_effect_are_listed_by_their_release_soonest_first_and_leave_when_lifted()
    {
        var jem = await Create(app);
        var (later, sooner, undated, lifted, notServed) = (await jem.Book(), await jem.Book(), await jem.Book(), await jem.Book(), await jem.Book());
        foreach (var caseId in new[] { later, sooner, undated, lifted })
            await jem.DetainerInEffect(caseId);
        await ReleaseAt(jem, later, TimeSpan.FromHours(30));
        await ReleaseAt(jem, sooner, TimeSpan.FromHours(5));
        await jem.Decide(lifted, "DetainerLifted", new { liftedAt = Now(2), reason = "ProsecutorialDiscretion" });
        await ReleaseAt(jem, notServed, TimeSpan.FromHours(1));
        await app.Host.QueuesHaveApplied(later, sooner, undated, lifted, notServed);

        var queue = await app.Host.Queue<DetainerQueueItem>(jem.Supervisor, "detainers", $"ori={jem.Ori}");

        queue.Items.Select(i => i.Case.CaseId).ShouldBe([sooner, later, undated]);
        queue.Items[0].TimeLeft!.Value.ShouldBeInRange(TimeSpan.FromHours(4.9), TimeSpan.FromHours(5));
        queue.Items[0].ServedAt.ShouldNotBeNull();
        queue.Items[2].ScheduledRelease.ShouldBeNull();
        queue.Items[2].TimeLeft.ShouldBeNull();
    }

    [Fact]
    public async Task releases_due_within_the_window_are_listed_and_a_voided_release_date_or_a_release_removes_the_item()
    {
        var jem = await Create(app);
        var (soon, nextWeek, voided, released) = (await jem.Book(), await jem.Book(), await jem.Book(), await jem.Book());
        await ReleaseAt(jem, soon, TimeSpan.FromHours(10));
        await ReleaseAt(jem, nextWeek, TimeSpan.FromHours(60));
        var mistaken = await (await ReleaseAt(jem, voided, TimeSpan.FromHours(3))).ReadAsJsonAsync<CaseFlow.Server.Writing.AppendResult>();
        await jem.Post(voided, "EventVoided", new { voidedEventId = mistaken.EventId, reason = "Entered on the wrong case." }, officer: null);
        await ReleaseAt(jem, released, TimeSpan.FromHours(1));
        await jem.Post(released, "ReleasedFromLocalCustody", new { at = Now(1), reason = "Bonded" }, officer: null);
        await app.Host.QueuesHaveApplied(soon, nextWeek, voided, released);

        var twoDays = await app.Host.Queue<ReleaseQueueItem>(jem.Supervisor, "releases", $"ori={jem.Ori}");
        var threeDays = await app.Host.Queue<ReleaseQueueItem>(jem.Supervisor, "releases", $"ori={jem.Ori}&within=3d");

        twoDays.Items.Select(i => i.Case.CaseId).ShouldBe([soon]);
        twoDays.Items[0].TimeLeft.ShouldBeInRange(TimeSpan.FromHours(9.9), TimeSpan.FromHours(10));
        twoDays.Items[0].UnderHold.ShouldBeFalse();
        threeDays.Items.Select(i => i.Case.CaseId).ShouldBe([soon, nextWeek]);
        await app.Host.GetAs(jem.Supervisor, "/api/queues/releases?within=48", 400);
        foreach (var within in new[] { "31d", "", "h", "0h", "-1d", "2w" })
            await app.Host.GetAs(jem.Supervisor, $"/api/queues/releases?within={within}", 400);
    }
}
