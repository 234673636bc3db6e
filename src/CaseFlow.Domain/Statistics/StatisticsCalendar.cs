using System.Globalization;
using System.Text.RegularExpressions;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Domain.Statistics;

/// <summary>
/// The calendar statistics count on: a thing belongs to the calendar month in which it happened on the agency's own
/// clock (its IANA zone), and to the federal fiscal year of that local date (October to September, named for the year
/// it ends in).
/// </summary>
public static partial class StatisticsCalendar
{
    /// <summary>The first day of the agency-local month in which <paramref name="instant"/> fell.</summary>
    public static DateOnly MonthOf(DateTimeOffset instant, string timeZone)
    {
        var day = LocalDay.Of(instant, timeZone);
        return new DateOnly(day.Year, day.Month, 1);
    }

    /// <summary>A month as statistics name it: <c>2026-02</c>.</summary>
    public static string Name(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The years statistics are asked for (fiscal years and the years of months).</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2099;

    /// <summary>A month named <c>YYYY-MM</c> in <see cref="FirstYear"/> to <see cref="LastYear"/>, without anchors (a path may add a suffix).</summary>
    public const string MonthForm = "20[0-9]{2}-(0[1-9]|1[0-2])";

    public const string MonthPattern = "^" + MonthForm + "$";

    /// <summary>Reads a month named <c>YYYY-MM</c> (<see cref="MonthPattern"/>); null for anything else.</summary>
    public static DateOnly? ParseMonth(string? text) =>
        text is not null && MonthText().IsMatch(text)
            && DateOnly.TryParseExact($"{text}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : null;

    [GeneratedRegex(MonthPattern)]
    private static partial Regex MonthText();

    public static int FiscalYearOf(DateOnly day) => EncounterPolicy.FiscalYearOf(day);

    /// <summary>The twelve months of fiscal year <paramref name="fiscalYear"/>, October of the year before first.</summary>
    public static IReadOnlyList<DateOnly> MonthsOf(int fiscalYear) =>
        [.. Enumerable.Range(0, 12).Select(i => new DateOnly(fiscalYear - 1, 10, 1).AddMonths(i))];

    /// <summary>
    /// The last instant of the month's last day in <paramref name="timeZone"/>: what was in force or certified "at the
    /// month's end" was so at this instant.
    /// </summary>
    public static DateTimeOffset EndOf(DateOnly month, string timeZone) => LocalDay.Start(month.AddMonths(1), timeZone).AddTicks(-1);
}
