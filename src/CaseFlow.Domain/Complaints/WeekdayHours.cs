namespace CaseFlow.Domain.Complaints;

/// <summary>Deadlines counted in hours that exclude Saturdays and Sundays of the agency's own calendar.</summary>
public static class WeekdayHours
{
    public static DateTimeOffset Add(DateTimeOffset start, int hours, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var remaining = TimeSpan.FromHours(hours);
        while (remaining > TimeSpan.Zero)
        {
            var nextMidnight = local.Date.AddDays(1);
            if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                local = nextMidnight;
                continue;
            }

            var today = nextMidnight - local < remaining ? nextMidnight - local : remaining;
            local += today;
            remaining -= today;
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
