using CaseFlow.Demo.Plan;
using CaseFlow.Demo.Year;
using CaseFlow.Domain.Agreements;
using CsCheck;

namespace CaseFlow.Demo.Tests;

/// <summary>Local working hours and an offline jail's batches, in the agency's own zone, across daylight saving changes.</summary>
public class ClockTests
{
    private static readonly Gen<DateTimeOffset> InTheYear = Gen.Long[0, 400L * 24 * 60].Select(m => new DateTimeOffset(2025, 9, 20, 0, 0, 0, TimeSpan.Zero).AddMinutes(m));

    private static readonly Gen<string> Zones = Gen.Int[0, 5].Select(i => new[] { "America/Chicago", "America/New_York", "America/Denver", "America/Phoenix", "America/Los_Angeles", "Pacific/Honolulu" }[i]);

    [Fact]
    public void Within_working_hours_is_never_earlier_and_falls_in_the_window_on_an_allowed_day() =>
        Gen.Select(InTheYear, Zones, Gen.Bool).Sample((at, zone, weekdays) =>
        {
            var clock = new LocalClock(zone);
            var moved = clock.Within(at, 8, 17, weekdays);
            moved.ShouldBeGreaterThanOrEqualTo(at);
            var local = TimeZoneInfo.ConvertTime(moved, TimeZoneInfo.FindSystemTimeZoneById(zone));
            local.Hour.ShouldBeInRange(8, 16);
            if (weekdays)
                local.DayOfWeek.ShouldNotBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
            (moved - at).ShouldBeLessThan(TimeSpan.FromDays(3.5));
        });

    [Fact]
    public void An_offline_jail_sends_strictly_later_at_two_in_the_morning_within_its_period() =>
        Gen.Select(InTheYear, Zones).Sample((at, zone) =>
        {
            var agency = new Agency(Agreement(zone), 100, offline: true, seed: 1);
            var flush = agency.NextFlush(at);
            flush.ShouldBeGreaterThan(at);
            (flush - at).ShouldBeLessThanOrEqualTo(TimeSpan.FromDays(agency.FlushDays) + TimeSpan.FromHours(1));
            TimeZoneInfo.ConvertTime(flush, TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour.ShouldBeInRange(Agency.FlushHour, Agency.FlushHour + 1);
            agency.NextFlush(flush.AddMinutes(-1)).ShouldBe(flush);
        });

    [Fact]
    public void Instants_are_written_with_the_agency_offset()
    {
        var clock = new LocalClock("America/Chicago");
        clock.Format(new DateTimeOffset(2026, 1, 15, 15, 30, 0, TimeSpan.Zero)).ShouldBe("2026-01-15T09:30:00-06:00");
        clock.Format(new DateTimeOffset(2026, 7, 15, 15, 30, 0, TimeSpan.Zero)).ShouldBe("2026-07-15T10:30:00-05:00");
    }

    private static AgreementSigned Agreement(string zone) => Years.Agreements[0] with { TimeZone = zone };
}
