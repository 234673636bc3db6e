using CaseFlow.Domain.Officers;
using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Tests.Statistics;

/// <summary>
/// The periods in which an officer counts as certified (and overdue) at a month's end: they begin and end where the
/// officer counts of <see cref="ProgramMeasures.Officers"/> change, including the local day after a refresher's due date.
/// </summary>
public class OfficerPeriodsTests
{
    private const string Zone = "America/Los_Angeles";
    private static readonly RefresherPolicy Monthly = new(1);

    private static DateTimeOffset Local(int year, int month, int day, int hour = 0)
    {
        var local = new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(Zone).GetUtcOffset(local));
    }

    /// <summary>Trained on 31 January (due on 29 February with a one-month interval), revoked in June, authorized again in July.</summary>
    private static Officer Record() =>
        new[]
        {
            (object)new OfficerNominated(Guid.NewGuid(), "CA0000000", "B1", [ProgramModel.JEM], Local(2024, 1, 2), "LOS"),
            new BackgroundCheckCompleted(Local(2024, 1, 10), BackgroundCheckResult.Passed),
            new TrainingCompleted("basic", ProgramModel.JEM, Local(2024, 1, 31, 12), [new ExamResult("law", 90)], TrainingOutcome.Passed),
            new OfficerCertified(ProgramModel.JEM, Local(2024, 2, 1, 9)),
            new AuthorizationIssued([ProgramModel.JEM], Local(2024, 2, 5), "L1", "F1", "C1"),
            new AuthorizationRevoked(Local(2024, 6, 10), "reason", "R1"),
            new AuthorizationIssued([ProgramModel.JEM], Local(2024, 7, 1), "L2", "F2", "C2"),
        }.Aggregate((Officer?)null, Officer.Evolve)!;

    [Fact]
    public void certified_from_the_certification_overdue_from_the_day_after_the_due_date_and_not_counted_while_revoked()
    {
        OfficerPeriods.Of(Record(), Zone, Monthly).ShouldBe(
        [
            new OfficerPeriod(ProgramModel.JEM, Local(2024, 2, 1, 9).UtcTicks, Local(2024, 3, 1).UtcTicks, false),
            new OfficerPeriod(ProgramModel.JEM, Local(2024, 3, 1).UtcTicks, Local(2024, 6, 10).UtcTicks, true),
            new OfficerPeriod(ProgramModel.JEM, Local(2024, 7, 1).UtcTicks, null, true),
        ]);
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(2, 1, 0)]
    [InlineData(3, 1, 1)]
    [InlineData(6, 0, 0)]
    [InlineData(7, 1, 1)]
    public void the_periods_hold_at_a_month_end_exactly_when_the_fold_counts_the_officer(int month, int certified, int overdue)
    {
        var end = StatisticsCalendar.EndOf(new DateOnly(2024, month, 1), Zone).UtcTicks;
        var holding = OfficerPeriods.Of(Record(), Zone, Monthly).Where(p => p.FromUtcTicks <= end && (p.UntilUtcTicks is null || end < p.UntilUtcTicks)).ToList();
        var folded = ProgramMeasures.Officers([(Record(), Zone)], new DateOnly(2024, month, 1), Monthly);

        folded.ShouldBe(new OfficerCounts(certified, overdue));
        new OfficerCounts(holding.Count, holding.Count(p => p.RefresherOverdue)).ShouldBe(folded);
    }
}
