using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Tests.Statistics;

/// <summary>Things count in the month and fiscal year of the agency's own calendar, whatever the UTC date and the daylight-saving offset.</summary>
public class StatisticsCalendarTests
{
    private const string Pacific = "America/Los_Angeles";
    private const string Eastern = "America/New_York";

    [Theory]
    // Pacific midnight into March (PST, UTC-8): the UTC date is already March an 8 hours earlier.
    [InlineData("2026-03-01T07:59:59Z", Pacific, "2026-02", 2026)]
    [InlineData("2026-03-01T08:00:00Z", Pacific, "2026-03", 2026)]
    // Eastern midnight into March (EST, UTC-5).
    [InlineData("2026-03-01T04:59:59Z", Eastern, "2026-02", 2026)]
    [InlineData("2026-03-01T05:00:00Z", Eastern, "2026-03", 2026)]
    // After the March DST change the Pacific month turns at 07:00 UTC (PDT, UTC-7), not at 08:00.
    [InlineData("2026-04-01T06:59:59Z", Pacific, "2026-03", 2026)]
    [InlineData("2026-04-01T07:00:00Z", Pacific, "2026-04", 2026)]
    // The night DST ends (2026-11-01): midnight of November 1 is still daylight time in Los Angeles.
    [InlineData("2026-11-01T06:59:59Z", Pacific, "2026-10", 2027)]
    [InlineData("2026-11-01T07:00:00Z", Pacific, "2026-11", 2027)]
    // The fiscal-year boundary at Eastern midnight (EDT, UTC-4): 03:59 UTC on October 1 is still September 30, FY2026.
    [InlineData("2026-10-01T03:59:59Z", Eastern, "2026-09", 2026)]
    [InlineData("2026-10-01T04:00:00Z", Eastern, "2026-10", 2027)]
    [InlineData("2026-10-01T06:59:59Z", Pacific, "2026-09", 2026)]
    public void an_instant_counts_in_the_agency_local_month_and_fiscal_year(string instant, string zone, string month, int fiscalYear)
    {
        var fact = MeasureFact.At(Measures.Encounters, DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), zone);

        fact.Month.ShouldBe(month);
        fact.FiscalYear.ShouldBe(fiscalYear);
    }

    [Theory]
    [InlineData("2026-10", Pacific, "2026-11-01T07:00:00Z")] // PDT still at the month's end
    [InlineData("2026-11", Pacific, "2026-12-01T08:00:00Z")] // PST after the change
    [InlineData("2026-02", Eastern, "2026-03-01T05:00:00Z")]
    [InlineData("2026-09", Eastern, "2026-10-01T04:00:00Z")]
    public void a_month_ends_just_before_the_next_local_midnight(string month, string zone, string nextMidnightUtc)
    {
        var end = StatisticsCalendar.EndOf(StatisticsCalendar.ParseMonth(month)!.Value, zone);

        end.ShouldBe(DateTimeOffset.Parse(nextMidnightUtc, System.Globalization.CultureInfo.InvariantCulture).AddTicks(-1));
    }

    [Fact]
    public void a_fiscal_year_runs_from_october_to_september_and_is_named_for_the_year_it_ends()
    {
        var months = StatisticsCalendar.MonthsOf(2026);

        months.Count.ShouldBe(12);
        months[0].ShouldBe(new DateOnly(2025, 10, 1));
        months[^1].ShouldBe(new DateOnly(2026, 9, 1));
    }

    [Theory]
    [InlineData("2026-02", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-2", false)]
    [InlineData("1999-12", false)]
    [InlineData("2026-02-01", false)]
    [InlineData("", false)]
    public void a_month_is_read_as_YYYY_MM_only(string text, bool valid) => (StatisticsCalendar.ParseMonth(text) is not null).ShouldBe(valid);
}
