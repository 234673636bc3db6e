using CaseFlow.Server.Statistics;
using CsCheck;

namespace CaseFlow.Server.Tests.Statistics;

/// <summary>
/// A roll-up's percentiles from merged minute histograms are PostgreSQL's <c>percentile_disc</c> over the same facts
/// one by one: the value at position ⌈p·n⌉ of the sorted durations, facts without a duration counted but not timed.
/// </summary>
public class DurationHistogramTests
{
    private static readonly Gen<int?> Fact = Gen.Frequency((4, Gen.Int[-90, 20_000].Select(m => (int?)m)), (1, Gen.Const((int?)null)));

    [Theory]
    [InlineData(new[] { 20, 30 }, 20, 30)]
    [InlineData(new[] { 30, 20, 10 }, 20, 30)]
    [InlineData(new[] { 5, 5, 5, 5, 5, 5, 5, 5, 5, 7 }, 5, 5)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 6, 10)]
    public void the_median_of_an_even_count_is_the_lower_middle_value_and_the_90th_percentile_the_value_at_its_rank(int[] minutes, int median, int p90)
    {
        var histogram = new DurationHistogram();
        foreach (var m in minutes)
            histogram.Add(m, 1);

        histogram.Cell().ShouldBe(new MeasureCell(minutes.Length, TimeSpan.FromMinutes(median), TimeSpan.FromMinutes(p90)));
    }

    [Fact]
    public void facts_without_a_duration_are_counted_and_not_timed()
    {
        var histogram = new DurationHistogram();
        histogram.Add(null, 3);
        histogram.Cell().ShouldBe(new MeasureCell(3, null, null));
        histogram.Add(45, 1);
        histogram.Cell().ShouldBe(new MeasureCell(4, TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(45)));
    }

    [Fact]
    public void merged_cells_give_the_percentiles_of_all_their_facts_one_by_one()
    {
        Gen.Select(Fact.List[0, 300], Gen.Int[1, 8]).Sample((facts, cells) =>
        {
            // The facts arrive as the cells of several agencies and months would (grouped by duration, in any order), and
            // the cells' histograms are added into the roll-up's.
            var cellHistograms = Enumerable.Range(0, cells).Select(_ => new DurationHistogram()).ToList();
            foreach (var cell in facts.Select((minutes, i) => (minutes, cell: i % cells)).GroupBy(f => (f.minutes, f.cell)))
                cellHistograms[cell.Key.cell].Add(cell.Key.minutes, cell.Count());
            var histogram = new DurationHistogram();
            foreach (var cell in cellHistograms)
                histogram.Add(cell);

            var timed = facts.OfType<int>().Order().ToList();
            TimeSpan? Disc(double p) => timed.Count == 0 ? null : TimeSpan.FromMinutes(timed[(int)Math.Max(1, Math.Ceiling(p * timed.Count)) - 1]);
            histogram.Cell().ShouldBe(new MeasureCell(facts.Count, Disc(0.5), Disc(0.9)));
        });
    }
}
