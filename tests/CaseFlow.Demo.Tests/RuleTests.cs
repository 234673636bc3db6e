namespace CaseFlow.Demo.Tests;

/// <summary>The year is a history the domain's rules accept, write by write at its instant, and it ends as its paths say.</summary>
public class RuleTests
{
    private static readonly Lazy<YearReplay> Replayed = new(() =>
    {
        var replay = new YearReplay(Years.Agreements);
        foreach (var write in Years.Small.Value)
            replay.Apply(write);
        return replay;
    });

    [Fact]
    public void Every_write_of_the_year_is_accepted_by_the_domain_rules()
    {
        Replayed.Value.Refusals.Take(15).ShouldBeEmpty();
        Replayed.Value.Events.ShouldBe(Years.Small.Value.SelectMany(Years.Events).Count());
    }

    [Fact]
    public void Holds_run_and_some_expire_most_cases_close_and_some_are_open_at_the_year_end()
    {
        var cases = Replayed.Value.Cases;
        cases.Count(c => c.HoldExpiredAt is not null).ShouldBeGreaterThan(20);
        cases.Count(c => c.TransferredToIceAt is not null).ShouldBeGreaterThan(cases.Count / 3);
        cases.Count(c => c.Disposition is null).ShouldBeInRange(cases.Count / 50, cases.Count / 5);
        cases.Where(c => c.Disposition is null).Select(c => c.Status).Distinct().Count().ShouldBeGreaterThan(4);
    }

    [Fact]
    public void Complaints_are_reported_on_time_and_late()
    {
        var complaints = Replayed.Value.Complaints;
        var end = Year.YearSchedule.YearEnd;
        complaints.ShouldContain(c => c.NotificationLate(end));
        complaints.ShouldContain(c => !c.NotificationLate(end));
        complaints.ShouldContain(c => c.OutcomeReportLate(end));
    }
}
