using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Statistics;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Statistics;

/// <summary>What a case counts for, derived from the whole case: each step in the agency-local month of its own instant, voids and amendments applied.</summary>
public class CaseMeasuresTests
{
    private static string Facts(CaseFile state) =>
        string.Join("\n", CaseMeasures.Of(state).Select(f =>
            string.Join(' ', new[] { f.Measure, f.Key, f.Month, $"FY{f.FiscalYear}", f.Seconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) }.OfType<string>())));

    private static IReadOnlyList<CaseEvent> PathWithoutConvictions(DateTimeOffset start) =>
        [.. Path(start).Select(e => e is RecordsCheckCompleted r ? r with { PriorConvictions = [] } : e)];

    [Fact]
    public void the_jem_path_counts_every_step_in_its_month_with_its_durations()
    {
        Facts(Fold(Path())).ShouldBe("""
            bookings-referred 2026-01 FY2026
            bookings-screened 2026-01 FY2026
            encounters 2026-01 FY2026
            encounters-by-country unknown 2026-01 FY2026
            detainers-lodged 2026-01 FY2026
            detainers-by-basis BiometricAndRecords 2026-01 FY2026
            detainers-by-criminality NotRecorded 2026-01 FY2026
            detainer-notices-due 2026-01 FY2026
            detainer-notices-within-24h 2026-01 FY2026
            i213s 2026-01 FY2026
            charging-documents NoticeToAppear 2026-01 FY2026
            supervisory-reviews Approved 2026-01 FY2026 3600
            supervisory-reviews Approved 2026-01 FY2026 3600
            holds-started 2026-01 FY2026
            custody-transfers 2026-01 FY2026 72000
            """.Replace("\r", "", StringComparison.Ordinal).Trim());
    }

    /// <summary>Booked on September 30 in Houston's evening (already October 1 in UTC), transferred in October: two fiscal years.</summary>
    [Fact]
    public void a_case_crossing_the_fiscal_year_counts_each_step_in_its_own_local_month()
    {
        var start = new DateTimeOffset(2026, 9, 30, 20, 0, 0, TimeSpan.FromHours(-5));

        var facts = CaseMeasures.Of(Fold(Path(start).Select(e => e is BookingRecorded b ? b with { BookedAt = start } : e)));

        facts.Single(f => f.Measure == Measures.BookingsReferred).ShouldBe(new MeasureFact(Measures.BookingsReferred, null, "2026-09", 2026));
        facts.Single(f => f.Measure == Measures.BookingsScreened).Month.ShouldBe("2026-09"); // 21:00 local
        facts.Single(f => f.Measure == Measures.DetainersLodged).ShouldBe(new MeasureFact(Measures.DetainersLodged, null, "2026-10", 2027)); // 03:00 local, Oct 1
        facts.Single(f => f.Measure == Measures.CustodyTransfers).FiscalYear.ShouldBe(2027);
    }

    [Fact]
    public void a_voided_step_leaves_every_figure_it_made()
    {
        var path = Path();
        var notice = path.ToList().FindIndex(e => e is IceNotifiedOfDetainer);
        var approval = path.ToList().FindIndex(e => e is ReviewApproved);

        var voided = Fold([.. path, new EventVoided(Id(notice), "wrong case"), new EventVoided(Id(approval), "signed in error")]);

        var facts = CaseMeasures.Of(voided);
        facts.Count(f => f.Measure == Measures.DetainerNoticesDue).ShouldBe(1);
        facts.ShouldNotContain(f => f.Measure == Measures.DetainerNoticesWithin24h);
        facts.Count(f => f.Measure == Measures.SupervisoryReviews).ShouldBe(1);
    }

    [Fact]
    public void an_amended_charge_moves_the_lodged_detainer_between_criminality_classes_in_its_month()
    {
        var lodged = Fold(PathWithoutConvictions(T0).Take(10));
        var amended = CaseFile.Evolve(lodged, Id(99), new ChargesAmended([new Charge("TX TC 545.351", "Speeding", ChargeLevel.Infraction)], "DWI dismissed"))!;

        CaseMeasures.Of(lodged).Single(f => f.Measure == Measures.DetainersByCriminality).Key.ShouldBe(nameof(CriminalityClass.PendingCriminalCharges));
        CaseMeasures.Of(amended).Single(f => f.Measure == Measures.DetainersByCriminality)
            .ShouldBe(new MeasureFact(Measures.DetainersByCriminality, nameof(CriminalityClass.OtherImmigrationViolator), "2026-01", 2026));
    }

    /// <summary>A lift recorded in March for a February 28 evening in Houston counts in February, however late it came.</summary>
    [Fact]
    public void a_late_fact_counts_in_the_month_it_happened()
    {
        var start = new DateTimeOffset(2026, 2, 27, 8, 0, 0, TimeSpan.FromHours(-6));
        var served = Fold(Path(start).Take(10));

        var lifted = CaseFile.Evolve(served, Id(50), new DetainerLifted(new DateTimeOffset(2026, 2, 28, 23, 30, 0, TimeSpan.FromHours(-6)), LiftReason.ProsecutorialDiscretion))!;

        CaseMeasures.Of(lifted).Single(f => f.Measure == Measures.DetainersLifted)
            .ShouldBe(new MeasureFact(Measures.DetainersLifted, nameof(LiftReason.ProsecutorialDiscretion), "2026-02", 2026));
    }

    [Fact]
    public void a_claim_resolution_is_timed_from_the_assertion_and_a_late_notice_is_no_notice_in_time()
    {
        var claim = Fold([Booking(), new ScreeningOpened(T0.AddHours(1)), new CitizenshipClaimAsserted(T0.AddHours(2), ClaimChannel.Interview),
            new CitizenshipClaimReported(T0.AddHours(2.5), "ERO Houston"), new CitizenshipClaimResolved(T0.AddHours(26), ClaimOutcome.CitizenshipConfirmed)]);
        var lateNotice = Fold([.. Path().Take(9), new IceNotifiedOfDetainer(T0.AddHours(7 + 24).AddSeconds(1))]);

        CaseMeasures.Of(claim).Single(f => f.Measure == Measures.CitizenshipClaimsResolved).Seconds.ShouldBe(24 * 3600);
        CaseMeasures.Of(lateNotice).ShouldContain(f => f.Measure == Measures.DetainerNoticesDue);
        CaseMeasures.Of(lateNotice).ShouldNotContain(f => f.Measure == Measures.DetainerNoticesWithin24h);
    }
}
