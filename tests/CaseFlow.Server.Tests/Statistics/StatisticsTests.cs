using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Security;
using CaseFlow.Server.Statistics;
using CaseFlow.Server.Tests.Infrastructure;
using static CaseFlow.Server.Tests.Statistics.StatisticsScenario;

namespace CaseFlow.Server.Tests.Statistics;

/// <summary>
/// Every measure over the hand-built <see cref="StatisticsScenario"/>, with the expected numbers written here: each step
/// in the agency-local month it happened, exact medians for a roll-up, voids, an amendment and a late fact followed.
/// The tests of this class run one after the other on one scenario.
/// </summary>
public class StatisticsTests(AppFixture app)
{
    private string Analyst => app.Tokens.For(Roles.Analyst, subject: "analyst-1");

    private static PeriodFigures Month(StatisticsAnswer answer, string month) => answer.Months.Single(m => m.Period == month);

    /// <summary>Figures compared by value, their breakdown lists included.</summary>
    private static string Json(object figures) => System.Text.Json.JsonSerializer.Serialize(figures, ServerJson.Options);

    [Fact]
    public async Task a_pacific_jurisdiction_counts_each_step_in_its_local_month()
    {
        var scenario = await Of(app);

        var answer = await Read(app, scenario.West.Jail, $"/api/statistics/jurisdictions/{scenario.West.Ori}?fy=2026");

        answer.Scope.ShouldBe(new StatisticsScope("jurisdiction", scenario.West.Ori, null));
        answer.Months.Select(m => m.Period).ShouldBe(["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"]);
        var february = Month(answer, "2026-02");
        february.BookingsReferred.ShouldBe(2); // P1 (22:00 PST on Feb 28, March in UTC) and P3
        february.BookingsScreened.ShouldBe(1); // P3's screening was voided
        february.Encounters.ShouldBe(1);
        february.TopCountries.ShouldBe([new KeyCount("MX", 1)]);
        february.SupervisoryReviews.ShouldBe(1);
        february.ReviewDecisionMedian.ShouldBe(TimeSpan.FromMinutes(20));
        february.ReturnForCorrectionRate.ShouldBe(0m);
        february.DetainersLodged.ShouldBe(0); // lodged ten minutes after local midnight
        var march = Month(answer, "2026-03");
        march.BookingsReferred.ShouldBe(1); // P2, 20:30 PDT on March 31
        march.BookingsScreened.ShouldBe(0);
        march.DetainersLodged.ShouldBe(1);
        march.DetainersByBasis.ShouldBe([new KeyCount("BiometricAndRecords", 1)]);
        march.DetainersByCriminality.ShouldBe([new KeyCount("PendingCriminalCharges", 1)]);
        (march.DetainerNoticesDue, march.DetainerNoticesWithin24h, march.DetainerNoticeRate).ShouldBe((1, 1, 1m));
        var april = Month(answer, "2026-04");
        april.BookingsScreened.ShouldBe(1); // 00:30 PDT on April 1: March under a fixed PST offset
        (april.CitizenshipClaims, april.CitizenshipClaimsResolved).ShouldBe((1, 1));
        (april.ClaimResolutionMedian, april.ClaimResolutionP90).ShouldBe((TimeSpan.FromHours(24), TimeSpan.FromHours(24)));
        answer.Months.Where(m => m.Period is not ("2026-02" or "2026-03" or "2026-04")).ShouldAllBe(m => m.BookingsReferred == 0 && m.BookingsScreened == 0);
        answer.Months.ShouldAllBe(m => m.CertifiedOfficers == 1 && m.OfficersRefresherOverdue == 0 && m.AgreementsInForceJem == 1 && m.AgreementsInForceWso == 0);
        answer.Total.Period.ShouldBe("FY2026");
        (answer.Total.BookingsReferred, answer.Total.BookingsScreened, answer.Total.Encounters, answer.Total.DetainersLodged).ShouldBe((3, 2, 1, 1));
        answer.ProgramTotals.ShouldBe(answer.ProgramTotals with { AsOfMonth = "2026-09", AgreementsJem = 1, AgreementsWso = 0, StatesJem = 1, StatesWso = 0, EncountersFiscalYearToDate = 1 });
        answer.ProgramTotals.ByState.ShouldBe([new StateAgreements("ZP", 1, 0)]);
        answer.ProgramTotals.Sources.ShouldBe([SyntheticAgencies.Source]);
        answer.EncounterPolicy.Version.ShouldBe(CaseFlow.Domain.Cases.EncounterPolicy.Version);
    }

    [Fact]
    public async Task an_eastern_case_booked_on_september_30_counts_in_fy2026_though_utc_says_october()
    {
        var scenario = await Of(app);

        var fy2026 = await Read(app, Analyst, $"/api/statistics/jurisdictions/{scenario.East.Ori}?fy=2026");
        var october = await Read(app, Analyst, $"/api/statistics/jurisdictions/{scenario.East.Ori}?month=2026-10");

        var september = Month(fy2026, "2026-09");
        (september.BookingsReferred, september.BookingsScreened, september.Encounters, september.DetainersLodged).ShouldBe((1, 1, 1, 1));
        september.DetainersByBasis.ShouldBe([new KeyCount("BiometricAndRecords", 1), new KeyCount("StatementsOrEvidence", 1)]);
        (september.DetainerNoticesDue, september.DetainerNoticesWithin24h, september.DetainerNoticeRate).ShouldBe((1, 0, 0m)); // told 24h10m after lodging
        september.ReviewDecisionMedian.ShouldBe(TimeSpan.FromMinutes(30));
        october.FiscalYear.ShouldBe(2027);
        Json(october.Months.Single()).ShouldBe(Json(october.Total));
        (october.Total.BookingsReferred, october.Total.BookingsScreened, october.Total.DetainersLodged).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task a_field_office_rolls_up_its_agencies_with_exact_medians_and_a_state_equals_its_only_agency()
    {
        var scenario = await Of(app);

        var office = await Read(app, scenario.Supervisor(app), $"/api/statistics/field-offices/{FieldOffice}?fy=2026");
        var state = await Read(app, Analyst, $"/api/statistics/states/{Pacific.State}?fy=2026");
        var agency = await Read(app, Analyst, $"/api/statistics/jurisdictions/{scenario.West.Ori}?fy=2026");

        (office.Total.BookingsReferred, office.Total.BookingsScreened, office.Total.Encounters, office.Total.SupervisoryReviews).ShouldBe((5, 4, 2, 2));
        office.Total.ReviewDecisionMedian.ShouldBe(TimeSpan.FromMinutes(20)); // of 20 and 30 minutes: the lower middle value, never their average
        office.Total.TopCountries.ShouldBe([new KeyCount("GT", 1), new KeyCount("MX", 1)]);
        office.Total.CertifiedOfficers.ShouldBe(2);
        office.ProgramTotals.ByState.ShouldBe([new StateAgreements("ZE", 1, 0), new StateAgreements("ZP", 1, 0)]);
        Json(state.Months).ShouldBe(Json(agency.Months));
        Json(state.Total).ShouldBe(Json(agency.Total));
    }

    [Fact]
    public async Task an_amended_charge_moves_the_september_detainer_to_another_criminality_class()
    {
        var scenario = await Of(app);
        var url = $"/api/statistics/jurisdictions/{scenario.East.Ori}?month=2026-09";
        (await Read(app, Analyst, url)).Total.DetainersByCriminality.ShouldBe([new KeyCount("PendingCriminalCharges", 1)]);

        await scenario.East.Post(scenario.BoundaryCase, "ChargesAmended",
            new { charges = new[] { new { code = "NY VTL 1180", description = "Speeding", level = "Infraction" } }, reason = "DWI dismissed" }, officer: null);
        await app.Host.StatisticsHaveApplied(scenario.BoundaryCase);

        (await Read(app, Analyst, url)).Total.DetainersByCriminality.ShouldBe([new KeyCount("OtherImmigrationViolator", 1)]);
    }

    [Fact]
    public async Task a_release_recorded_in_december_for_august_changes_august()
    {
        var scenario = await Of(app);
        var url = $"/api/statistics/jurisdictions/{scenario.East.Ori}?fy=2026";

        var write = await (await scenario.East.Post(scenario.LateCase, "ReleasedFromLocalCustody", new { at = "2026-08-20T12:00:00-04:00", reason = "ChargesDismissed" }, officer: null))
            .ReadAsJsonAsync<CaseFlow.Server.Writing.AppendResult>();
        var answer = await Read(app, Analyst, $"{url}&position={write.Position}");

        answer.Stale.ShouldBeFalse();
        answer.Position.ShouldBeGreaterThanOrEqualTo(write.Position);
        Month(answer, "2026-08").Releases.ShouldBe(1);
        answer.Total.Releases.ShouldBe(1);
    }
}
