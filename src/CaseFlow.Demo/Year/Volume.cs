using CaseFlow.Domain;

namespace CaseFlow.Demo.Year;

/// <summary>
/// How many cases each agency refers in the year (docs/demo.md, "Volume"): a log-normal weight per agreement
/// (sigma <see cref="Sigma"/>, a JEM jail weighing <see cref="JemWeight"/> WSO jails), scaled so the national total
/// is <see cref="CasesAtScaleOne"/> times the scale; bookings arrive as a Poisson process by local day and hour.
/// </summary>
public static class Volume
{
    /// <summary>
    /// FY2019's "almost 25,000" encounters over 139 agreements is about 180 a year per agreement; the list's 417
    /// agreements at that rate are about 75,000 encounters, and about 70% of the cases referred become encounters.
    /// </summary>
    public const double CasesAtScaleOne = 110_000;

    public const double Sigma = 1.2;
    public const double JemWeight = 2.5;

    /// <summary>Bookings by local hour (0–23): jails book most in the evening and the night.</summary>
    private static readonly Mix<int> Hours = new([.. new double[] { 5, 4, 4, 3, 2, 2, 2, 3, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 5 }.Select((w, h) => (h, w))]);

    /// <summary>Bookings by day of the week (Sunday first): weekends book more.</summary>
    private static readonly double[] Weekdays = [1.05, 0.93, 0.93, 0.95, 0.97, 1.07, 1.10];

    /// <summary>Each agreement's expected cases in the year, at <paramref name="scale"/>, in the order given.</summary>
    public static IReadOnlyList<double> Expected(IReadOnlyList<(string Ori, ProgramModel Model)> agreements, int seed, double scale)
    {
        var weights = agreements.Select(a => new Draw(seed, $"volume|{a.Ori}|{a.Model}").LogNormal(0, Sigma) * (a.Model == ProgramModel.JEM ? JemWeight : 1)).ToList();
        var total = weights.Sum();
        return [.. weights.Select(w => CasesAtScaleOne * scale * w / total)];
    }

    /// <summary>When the agency's bookings of the year are made, in order: a Poisson count per local day, each at a drawn hour and minute.</summary>
    public static IEnumerable<DateTimeOffset> Bookings(Agency agency, int seed)
    {
        var draw = new Draw(seed, $"bookings|{agency.Ori}|{agency.Model}");
        var perDay = agency.ExpectedCases / (Plan.DemoSettings.LastDay.DayNumber - Plan.DemoSettings.FirstDay.DayNumber + 1);
        for (var day = Plan.DemoSettings.FirstDay; day <= Plan.DemoSettings.LastDay; day = day.AddDays(1))
        {
            var count = draw.Poisson(perDay * Weekdays[(int)day.DayOfWeek]);
            var times = new List<DateTimeOffset>(count);
            for (var i = 0; i < count; i++)
                times.Add(agency.Clock.At(day, new TimeOnly(Hours.Pick(draw), draw.Between(0, 60))));
            times.Sort();
            foreach (var at in times)
                yield return at;
        }
    }
}
