using CaseFlow.Domain.Complaints;

namespace CaseFlow.Domain.Tests.Complaints;

/// <summary>MOA Appendix B: ICE told within 48 hours, weekends excluded; the outcome within 30 days of resolution.</summary>
public class ComplaintTests
{
    private const string Chicago = "America/Chicago";
    private static readonly TimeSpan Cst = TimeSpan.FromHours(-6);

    [Theory]
    [InlineData("2026-01-14T09:00:00-06:00", "2026-01-16T09:00:00-06:00")] // Wednesday → Friday
    [InlineData("2026-01-16T15:00:00-06:00", "2026-01-20T15:00:00-06:00")] // Friday → Tuesday
    [InlineData("2026-01-17T10:00:00-06:00", "2026-01-21T00:00:00-06:00")] // Saturday → the end of Tuesday
    [InlineData("2026-01-18T23:00:00-06:00", "2026-01-21T00:00:00-06:00")] // Sunday night → the end of Tuesday
    [InlineData("2026-01-15T12:00:00-06:00", "2026-01-19T12:00:00-06:00")] // Thursday → Monday
    public void the_notification_deadline_skips_saturdays_and_sundays(string learnedAt, string due) =>
        WeekdayHours.Add(DateTimeOffset.Parse(learnedAt, System.Globalization.CultureInfo.InvariantCulture), 48, Chicago)
            .ShouldBe(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

    private static Complaint Received(DateTimeOffset learnedAt) => Complaint.Receive(new ComplaintReceived(
        Guid.NewGuid(), "TX0790000", "IA-2026-7", Guid.NewGuid(), learnedAt, Chicago, "HOU"));

    [Fact]
    public void lateness_is_derived_so_a_late_recorded_notification_corrects_it()
    {
        var complaint = Received(new DateTimeOffset(2026, 1, 16, 15, 0, 0, Cst));
        var tuesdayEvening = new DateTimeOffset(2026, 1, 20, 18, 0, 0, Cst);

        complaint.NotificationLate(tuesdayEvening).ShouldBeTrue();
        var notifiedMonday = Complaint.Evolve(complaint, new IceNotifiedOfComplaint(new DateTimeOffset(2026, 1, 19, 10, 0, 0, Cst)))!;
        notifiedMonday.NotificationLate(tuesdayEvening).ShouldBeFalse();
        var notifiedWednesday = Complaint.Evolve(complaint, new IceNotifiedOfComplaint(new DateTimeOffset(2026, 1, 21, 10, 0, 0, Cst)))!;
        notifiedWednesday.NotificationLate(tuesdayEvening).ShouldBeTrue();
    }

    [Fact]
    public void the_outcome_is_due_thirty_days_after_resolution()
    {
        var resolvedAt = new DateTimeOffset(2026, 2, 2, 12, 0, 0, Cst);
        var resolved = Complaint.Evolve(Received(resolvedAt.AddDays(-10)), new ComplaintResolved(resolvedAt, ComplaintOutcome.NotSustained))!;

        resolved.OutcomeReportDue.ShouldBe(resolvedAt.AddDays(30));
        resolved.OutcomeReportLate(resolvedAt.AddDays(30)).ShouldBeFalse();
        resolved.OutcomeReportLate(resolvedAt.AddDays(30).AddSeconds(1)).ShouldBeTrue();
        Complaint.Evolve(resolved, new ComplaintOutcomeReported(resolvedAt.AddDays(29)))!.OutcomeReportLate(resolvedAt.AddDays(60)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("report-before-resolution", "complaint-not-resolved")]
    [InlineData("notify-twice", "complaint-step-repeated")]
    [InlineData("notify-before-learning", "complaint-step-out-of-order")]
    [InlineData("notify", null)]
    public void complaint_steps_keep_their_order(string situation, string? refusal)
    {
        var learnedAt = new DateTimeOffset(2026, 1, 14, 9, 0, 0, Cst);
        var complaint = Received(learnedAt);
        var (state, @event) = situation switch
        {
            "report-before-resolution" => (complaint, (object)new ComplaintOutcomeReported(learnedAt.AddDays(2))),
            "notify-twice" => (Complaint.Evolve(complaint, new IceNotifiedOfComplaint(learnedAt.AddHours(2)))!, new IceNotifiedOfComplaint(learnedAt.AddHours(3))),
            "notify-before-learning" => (complaint, new IceNotifiedOfComplaint(learnedAt.AddHours(-1))),
            _ => (complaint, new IceNotifiedOfComplaint(learnedAt.AddHours(1))),
        };

        (ComplaintRules.Check(state, @event)?.Code).ShouldBe(refusal);
    }

    /// <summary>Facts recorded on a complaint learned Friday 15:00 (notice due Tuesday 15:00) → the deadline it sorts by on the supervisors' queue.</summary>
    [Theory]
    [InlineData(null, null, null, "2026-01-20T15:00:00-06:00")] // nothing reported: the notice
    [InlineData("2026-01-20T15:00:00-06:00", null, null, null)] // notified at the due instant: nothing left
    [InlineData("2026-01-20T15:00:01-06:00", null, null, null)] // notified a second late: met late, nothing left to act on
    [InlineData("2026-01-19T10:00:00-06:00", "2026-01-23T12:00:00-06:00", null, "2026-02-22T12:00:00-06:00")] // resolved: the outcome report
    [InlineData(null, "2026-01-19T12:00:00-06:00", null, "2026-01-20T15:00:00-06:00")] // resolved, never notified: the earlier, the notice
    [InlineData("2026-01-19T10:00:00-06:00", "2026-01-23T12:00:00-06:00", "2026-03-01T09:00:00-06:00", null)] // outcome reported late: nothing left
    public void a_complaint_sorts_on_the_deadline_queue_by_its_earliest_deadline_not_met(string? notified, string? resolved, string? reported, string? deadlineAt)
    {
        static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var complaint = Received(new DateTimeOffset(2026, 1, 16, 15, 0, 0, Cst));
        if (notified is not null)
            complaint = Complaint.Evolve(complaint, new IceNotifiedOfComplaint(At(notified)))!;
        if (resolved is not null)
            complaint = Complaint.Evolve(complaint, new ComplaintResolved(At(resolved), ComplaintOutcome.NotSustained))!;
        if (reported is not null)
            complaint = Complaint.Evolve(complaint, new ComplaintOutcomeReported(At(reported)))!;

        complaint.DeadlineAt.ShouldBe(deadlineAt is null ? null : At(deadlineAt));
        complaint.DeadlineAt?.Offset.ShouldBe(TimeSpan.Zero);
        complaint.Deadlines(At("2026-03-10T00:00:00-06:00")).Select(d => d.Rule).ShouldBe(
            resolved is null ? [Complaint.NotificationRule] : [Complaint.NotificationRule, Complaint.OutcomeReportRule]);
    }
}
