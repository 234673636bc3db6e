namespace CaseFlow.Domain;

/// <summary>Calendar days in an agency's own time zone (IANA), where dated acts take effect.</summary>
public static class LocalDay
{
    public static DateTimeOffset Start(DateOnly day, string timeZone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(timeZone).GetUtcOffset(local));
    }

    public static DateOnly Of(DateTimeOffset instant, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
}
