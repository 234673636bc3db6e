using System.Diagnostics;

namespace CaseFlow.Domain.Reports.Disclosure;

/// <summary>A release as approved, beside the public variant made of it then.</summary>
public sealed record DisclosedRelease(MonthlyReport Released, PublicMonthlyReport Public);

/// <summary>What one disclosure cost: rounds, programs solved, complementary suppressions, cells left unprotectable, time.</summary>
public sealed record DisclosureCost(int Rounds, int Programs, int Complements, int Unprotectable, TimeSpan Elapsed);

/// <summary>
/// Makes the public variant of a released monthly report (docs/disclosure.md): sensitive figures suppressed, then
/// complementary ones until linear programming over this release and every earlier public release finds each
/// suppressed figure protected. Measures share no equation, so each is decided on its own, in parallel.
/// </summary>
public static class ReportDisclosure
{
    /// <param name="released">The release, as approved.</param>
    /// <param name="version">Its version (1 for a month's first release).</param>
    /// <param name="earlier">Every release approved before it, oldest first, with the public variants made of them.</param>
    public static (PublicMonthlyReport Public, DisclosureCost Cost) Disclose(MonthlyReport released, int version, IReadOnlyList<DisclosedRelease> earlier)
    {
        var clock = Stopwatch.StartNew();
        var current = Snapshot.ToDecide(released, version, earlier);
        IReadOnlyList<Snapshot> snapshots = [.. earlier.Select(Snapshot.Of), current];
        var decided = ReportMeasures.All.ToDictionary(m => m.Name, m => MeasureSystem.Build(m.Name, snapshots));
        var outcomes = decided.Values.AsParallel().Select(d => ComplementarySuppression.Protect(d.System)).ToList();
        var report = PublicReportOf.Assemble(released, version, current, decided, earlier);
        return (report, new DisclosureCost(
            outcomes.Sum(o => o.Rounds), outcomes.Sum(o => o.Programs), outcomes.Sum(o => o.Complements),
            outcomes.Sum(o => o.Unprotectable.Count), clock.Elapsed));
    }
}
