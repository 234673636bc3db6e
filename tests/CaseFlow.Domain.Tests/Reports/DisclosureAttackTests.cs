namespace CaseFlow.Domain.Tests.Reports;

/// <summary>
/// The public variant against an attacker holding every public release (<see cref="Attacker"/>): each case is one where
/// suppressing only the small figures gives a figure away, shown by the same attack on the naive suppression, and the
/// engine's variant keeps every suppressed figure within the protection interval.
/// </summary>
public class DisclosureAttackTests
{
    private static readonly KitAgency A = new("TX0010000", "TX"), B = new("TX0020000", "TX"), C = new("TX0030000", "TX"), D = new("FL0040000", "FL");

    private static ReportKit Kit() => new(A, B, C, D);

    private static void ProtectedWhereNaiveFails(IReadOnlyList<Domain.Reports.MonthlyReport> released)
    {
        Disclosed.Breaches(Disclosed.Naive(released)).ShouldNotBeEmpty("suppressing only the small figures should give one away here");
        new Disclosed(released).Breaches().ShouldBeEmpty();
    }

    [Fact]
    public void one_small_agency_in_a_state_whose_total_is_published()
    {
        var kit = Kit().Count("2025-10", "encounters", (A.Ori, 2), (B.Ori, 9), (C.Ori, 7), (D.Ori, 12));
        ProtectedWhereNaiveFails([kit.Release("2025-10")]);
    }

    [Fact]
    public void fiscal_year_to_date_differenced_across_months()
    {
        var kit = Kit().Count("2025-10", "encounters", (A.Ori, 6), (B.Ori, 9), (C.Ori, 7), (D.Ori, 12));
        var october = kit.Release("2025-10");
        kit.Count("2025-11", "encounters", (A.Ori, 2), (B.Ori, 8), (C.Ori, 6), (D.Ori, 10));
        ProtectedWhereNaiveFails([october, kit.Release("2025-11")]);
    }

    [Fact]
    public void month_over_month_change_from_a_published_month()
    {
        var kit = Kit().Count("2025-11", "encounters", (A.Ori, 6), (B.Ori, 9), (C.Ori, 7), (D.Ori, 12));
        var november = kit.Release("2025-11");
        kit.Count("2025-12", "encounters", (A.Ori, 3), (B.Ori, 9), (C.Ori, 7), (D.Ori, 12));
        ProtectedWhereNaiveFails([november, kit.Release("2025-12")]);
    }

    [Fact]
    public void a_revision_of_an_earlier_month_with_its_state_and_national_rows()
    {
        var kit = Kit().Count("2025-10", "encounters", (A.Ori, 3), (B.Ori, 9), (C.Ori, 7), (D.Ori, 12));
        var october = kit.Release("2025-10");
        kit.Count("2025-10", "encounters", (A.Ori, 6)).Count("2025-11", "encounters", (A.Ori, 8), (B.Ori, 9), (C.Ori, 7), (D.Ori, 12));
        var november = kit.Release("2025-11");
        november.Revisions.ShouldContain(r => r.Month == "2025-10" && r.Row == A.Key && r.ReleasedValue == 3 && r.CurrentValue == 6);
        ProtectedWhereNaiveFails([october, november]);
    }

    [Fact]
    public void a_second_version_of_a_month()
    {
        var kit = Kit().Count("2025-10", "encounters", (A.Ori, 7), (B.Ori, 9), (C.Ori, 7), (D.Ori, 12));
        var first = kit.Release("2025-10");
        kit.Count("2025-10", "encounters", (A.Ori, 4));
        ProtectedWhereNaiveFails([first, kit.Release("2025-10")]);
    }

    [Fact]
    public void an_agency_that_screened_fewer_than_five_people_shows_none_of_its_month()
    {
        var kit = Kit().Count("2025-10", "bookingsScreened", (A.Ori, 3))
            .Count("2025-10", "custodyTransfers", (A.Ori, 8), (B.Ori, 9), (C.Ori, 7), (D.Ori, 12));
        var released = kit.Release("2025-10");
        var disclosed = new Disclosed([released]);
        var row = disclosed.Last.Agencies.Single(a => a.Ori == A.Ori);
        row.Figures.ShouldAllBe(f => f.Month == null);
        disclosed.Breaches().ShouldBeEmpty();
    }

    [Fact]
    public void a_row_listed_earlier_stays_listed_so_its_absence_does_not_tell_zero()
    {
        var kit = Kit().Count("2025-09", "encounters", (A.Ori, 2), (B.Ori, 9), (C.Ori, 7), (D.Ori, 12));
        var september = kit.Release("2025-09");
        kit.Count("2025-10", "bookingsScreened", (A.Ori, 0)).Count("2025-11", "bookingsScreened", (A.Ori, 0))
            .Count("2025-11", "encounters", (B.Ori, 9), (C.Ori, 7), (D.Ori, 12));
        var november = kit.Release("2025-11");
        november.Agencies.ShouldNotContain(a => a.Ori == A.Ori);
        var disclosed = new Disclosed([september, november]);
        disclosed.Last.Agencies.ShouldContain(a => a.Ori == A.Ori);
        disclosed.Breaches().ShouldBeEmpty();
    }
}
