using CaseFlow.Domain.Cases;

namespace CaseFlow.Demo.Tests;

/// <summary>Every case of the year is a history the domain's case rules accept, and ends where its path says.</summary>
public class CaseRuleTests
{
    [Fact]
    public void Every_case_event_of_the_year_is_accepted_by_the_case_rules()
    {
        var replay = new CaseReplay(Years.Agreements);
        foreach (var write in Years.Small.Value)
            replay.Apply(write);

        replay.Refusals.Take(15).ShouldBeEmpty();
        replay.Events.ShouldBeGreaterThan(30_000);
    }

    [Fact]
    public void Holds_run_and_some_expire_most_cases_close_and_some_are_open_at_the_year_end()
    {
        var replay = new CaseReplay(Years.Agreements);
        foreach (var write in Years.Small.Value)
            replay.Apply(write);

        var cases = replay.Cases;
        cases.Count(c => c.HoldExpiredAt is not null).ShouldBeGreaterThan(20);
        cases.Count(c => c.TransferredToIceAt is not null).ShouldBeGreaterThan(cases.Count / 3);
        cases.Count(c => c.Disposition is null).ShouldBeInRange(cases.Count / 50, cases.Count / 5);
        cases.Where(c => c.Disposition is null).Select(c => c.Status).Distinct().Count().ShouldBeGreaterThan(4);
    }
}
