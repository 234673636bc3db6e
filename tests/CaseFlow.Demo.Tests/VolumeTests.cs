using CaseFlow.Demo.Plan;
using CaseFlow.Demo.Year;
using CsCheck;

namespace CaseFlow.Demo.Tests;

/// <summary>The heavy tail of cases per agency (docs/demo.md, "Volume") and the national total, for any seed.</summary>
public class VolumeTests
{
    private static readonly IReadOnlyList<(string, Domain.ProgramModel)> Keys = [.. Years.Agreements.Select(a => (a.Ori, a.Model))];

    [Fact]
    public void Scale_one_is_the_documented_national_year_for_any_seed() =>
        Gen.Int.Sample(seed => Volume.Expected(Keys, seed, 1.0).Sum().ShouldBe(Volume.CasesAtScaleOne, 1e-6), iter: 20);

    // A statement about the distribution, not about every draw: a single seed's top tenth ranges from 38% to 75%
    // (3,000 seeds), so the averages are taken over a fixed set of seeds and only the tail's reach is asked of each.
    [Fact]
    public void A_tenth_of_the_agreements_refer_about_half_the_cases_and_the_median_agreement_under_half_the_mean()
    {
        var draws = Enumerable.Range(1, 200).Select(seed => Volume.Expected(Keys, seed, 1.0).OrderDescending().ToList()).ToList();
        draws.Average(e => e.Take(e.Count / 10).Sum() / e.Sum()).ShouldBeInRange(0.45, 0.53);
        draws.Average(e => e[e.Count / 2] / e.Average()).ShouldBeInRange(0.40, 0.50);
        draws.ShouldAllBe(e => e[0] / e[e.Count / 2] > 10);
    }

    [Fact]
    public void The_bookings_drawn_match_the_expected_volume_within_five_percent()
    {
        var bookings = Years.Small.Value.SelectMany(Years.Events).Count(e => (string)e["type"]! == "BookingRecorded");
        ((double)bookings).ShouldBeInRange(Volume.CasesAtScaleOne * Years.SmallScale * 0.95, Volume.CasesAtScaleOne * Years.SmallScale * 1.05);
    }

    [Fact]
    public void A_larger_scale_draws_proportionally_more_cases()
    {
        int Bookings(double scale) => Years.Draw(3, scale).SelectMany(Years.Events).Count(e => (string)e["type"]! == "BookingRecorded");
        ((double)Bookings(0.02) / Bookings(0.01)).ShouldBeInRange(1.8, 2.2);
    }

    [Fact]
    public void Bookings_fall_inside_the_fiscal_year_in_the_agency_zone()
    {
        foreach (var agency in YearCast.Build(new DemoSettings(5, 0.01), Years.Agreements).Agencies.Take(40))
        {
            foreach (var booked in Volume.Bookings(agency, 5))
                agency.Clock.LocalDate(booked).ShouldBeInRange(DemoSettings.FirstDay, DemoSettings.LastDay);
        }
    }
}
