using System.Globalization;

namespace CaseFlow.Demo.Year;

/// <summary>
/// An agency's local time (the IANA zone of its agreement): the instants its people act at, their working hours and
/// days, and instants written as the agency's system writes them, RFC 3339 with the local offset.
/// </summary>
public sealed class LocalClock(string ianaZone)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(ianaZone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant of <paramref name="time"/> on local <paramref name="day"/>; a time the spring change skips is read an hour later.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        if (zone.IsInvalidTime(local))
            local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// <paramref name="instant"/> if it falls in the local hours [<paramref name="from"/>, <paramref name="to"/>) of
    /// a day allowed, else the start of the next such window.
    /// </summary>
    public DateTimeOffset Within(DateTimeOffset instant, int from, int to, bool weekdaysOnly)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        bool Allowed(DateOnly d) => !weekdaysOnly || d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        if (Allowed(day) && local.Hour >= from && local.Hour < to)
            return instant;
        if (local.Hour >= to || !Allowed(day))
            day = day.AddDays(1);
        while (!Allowed(day))
            day = day.AddDays(1);
        var start = At(day, new TimeOnly(from, 0));
        return start > instant ? start : instant;
    }

    /// <summary>As <see cref="Within(DateTimeOffset, int, int, bool)"/>; an instant moved to a window's start is then drawn up to 90 minutes into it, as people start work.</summary>
    public DateTimeOffset Within(DateTimeOffset instant, int from, int to, bool weekdaysOnly, Draw draw)
    {
        var moved = Within(instant, from, to, weekdaysOnly);
        return moved == instant ? instant : moved + draw.Minutes(0, 90);
    }

    /// <summary>RFC 3339 with the agency's offset at that instant, to the second.</summary>
    public string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
