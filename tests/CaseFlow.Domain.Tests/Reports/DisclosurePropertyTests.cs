using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Reports.Disclosure;
using CsCheck;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>Random small releases over three months with late corrections between them: the attacker never narrows a suppressed figure.</summary>
public class DisclosurePropertyTests
{
    private static readonly KitAgency[] Agencies =
    [
        new("TX0010000", "TX"), new("TX0020000", "TX"), new("TX0030000", "TX", ProgramModel.WSO), new("FL0040000", "FL"), new("FL0050000", "FL"),
    ];

    private static readonly string[] Months = ["2025-09", "2025-10", "2025-11"];

    /// <summary>Per month, each agency's encounters, detainers lodged and screenings; then, per later month, a correction of one earlier month's encounters.</summary>
    private static readonly Gen<(int[][] Counts, int[] Corrections)> Histories = Gen.Select(
        Gen.Int[0, 12].Array[Agencies.Length * 3].Array[Months.Length],
        Gen.Int[0, 12].Array[Agencies.Length]);

    [Fact]
    public void no_suppressed_figure_of_any_release_is_narrowed_below_the_protection_interval() =>
        Histories.Sample(NoBreach, iter: 25, threads: 1);

    /// <summary>The history on which GLOP's presolve called the attacker's feasible program infeasible (Attacker.Solve).</summary>
    [Fact]
    public void the_history_glop_s_presolve_found_infeasible_is_solved() =>
        Histories.Sample(NoBreach, iter: 1, threads: 1, seed: "blsrHaTQqLa5");

    private static void NoBreach((int[][] Counts, int[] Corrections) history)
    {
        var kit = new ReportKit(Agencies);
        var released = new List<MonthlyReport>();
        for (var m = 0; m < Months.Length; m++)
        {
            foreach (var (measure, offset) in new[] { ("encounters", 0), ("detainersLodged", 1), ("bookingsScreened", 2) })
                kit.Count(Months[m], measure, [.. Agencies.Select((a, i) => (a.Ori, history.Counts[m][i * 3 + offset]))]);
            if (m > 0)
                kit.Count(Months[m - 1], "encounters", [.. Agencies.Select((a, i) => (a.Ori, history.Corrections[i]))]);
            released.Add(kit.Release(Months[m]));
        }

        var disclosed = new Disclosed(released);
        disclosed.Breaches().ShouldBeEmpty();
    }

    /// <summary>
    /// 417 agencies (ICE's count of agreements) in 40 states, every measure, a month and the next with 30 revised
    /// figures: the time an approval spends on the disclosure, printed for docs/disclosure.md. The bound is loose: the
    /// machine running the tests is shared (seconds when idle, a minute under the whole suite's load).
    /// </summary>
    [Fact]
    public void a_release_of_417_agencies_is_disclosed_within_an_approval()
    {
        var random = new Random(17);
        var agencies = Enumerable.Range(0, 417)
            .Select(i => new KitAgency($"ZZ{i:00000}00", $"S{i % 40:00}", i % 7 < 2 ? ProgramModel.JEM : ProgramModel.WSO)).ToArray();
        var kit = new ReportKit(agencies);
        // Most agencies count a handful a month, a few count dozens.
        int Count() => random.Next(0, 4) == 0 ? random.Next(5, 60) : random.Next(0, 6);
        foreach (var month in new[] { "2025-10", "2025-11" })
            foreach (var m in ReportMeasures.All)
                kit.Count(month, m.Name, [.. agencies.Select(a => (a.Ori, Count()))]);
        var october = kit.Release("2025-10");
        var (octoberPublic, octoberCost) = ReportDisclosure.Disclose(october, 1, []);
        kit.Count("2025-10", "encounters", [.. agencies.Take(30).Select(a => (a.Ori, Count()))]);
        var november = kit.Release("2025-11");
        var (novemberPublic, novemberCost) = ReportDisclosure.Disclose(november, 1, [new DisclosedRelease(october, octoberPublic)]);

        TestContext.Current.TestOutputHelper!.WriteLine($"October: {octoberCost}, {octoberPublic.Disclosure.SuppressedFigures} figures suppressed");
        TestContext.Current.TestOutputHelper!.WriteLine($"November: {novemberCost}, {novemberPublic.Disclosure.SuppressedFigures} figures suppressed, {november.Revisions.Count} revisions");
        octoberCost.Unprotectable.ShouldBe(0);
        novemberCost.Unprotectable.ShouldBe(0);
        (octoberCost.Elapsed + novemberCost.Elapsed).ShouldBeLessThan(TimeSpan.FromMinutes(3));
    }
}
