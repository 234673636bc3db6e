using CaseFlow.Server.Statistics;
using CsCheck;

namespace CaseFlow.Server.Tests.Statistics;

/// <summary>
/// A roll-up's percentiles from merged duration histograms are PostgreSQL's <c>percentile_disc</c> over the same facts
/// one by one: the value at position ⌈p·n⌉ of the sorted durations.
/// </summary>
public class DurationHistogramTests
{
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

        histogram.Percentiles().ShouldBe((TimeSpan.FromMinutes(median), TimeSpan.FromMinutes(p90)));
    }

    [Fact]
    public void an_empty_histogram_has_no_percentiles()
    {
        new DurationHistogram().Percentiles().ShouldBe((null, null));
    }

    [Fact]
    public void buckets_without_their_counts_are_refused()
    {
        Should.Throw<ArgumentException>(() => new DurationHistogram().Add([10, 20], [1]));
    }

    [Fact]
    public void merged_cells_give_the_percentiles_of_all_their_facts_one_by_one()
    {
        Gen.Select(Gen.Int[-90, 20_000].List[0, 300], Gen.Int[1, 8]).Sample((facts, cells) =>
        {
            // The facts arrive as the durations of several models and months would (each cell's buckets as two arrays,
            // in any order), and the cells' histograms are added into the roll-up's.
            var cellHistograms = Enumerable.Range(0, cells).Select(_ => new DurationHistogram()).ToList();
            foreach (var cell in facts.Select((minutes, i) => (minutes, cell: i % cells)).GroupBy(f => f.cell))
            {
                var buckets = cell.GroupBy(f => f.minutes).ToList();
                cellHistograms[cell.Key].Add([.. buckets.Select(b => b.Key)], [.. buckets.Select(b => b.Count())]);
            }
            var histogram = new DurationHistogram();
            foreach (var cell in cellHistograms)
                histogram.Add(cell);

            var sorted = facts.Order().ToList();
            TimeSpan? Disc(double p) => sorted.Count == 0 ? null : TimeSpan.FromMinutes(sorted[(int)Math.Max(1, Math.Ceiling(p * sorted.Count)) - 1]);
            histogram.Percentiles().ShouldBe((Disc(0.5), Disc(0.9)));
        });
    }
}
