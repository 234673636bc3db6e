using System.Text.Json.Nodes;
using CaseFlow.Demo.Plan;
using CaseFlow.Demo.Year;

namespace CaseFlow.Demo.Tests;

/// <summary>The drawn year against the documented mixes (docs/demo.md), within the tolerances a year of about 3,300 cases allows.</summary>
public class MixTests
{
    private static readonly Lazy<List<JsonObject>> Events = new(() => [.. Years.Small.Value.SelectMany(Years.Events)]);

    private static IEnumerable<JsonObject> OfType(string type) => Events.Value.Where(e => (string)e["type"]! == type);

    private static double Share<T>(IReadOnlyCollection<T> drawn, Func<T, bool> which) => (double)drawn.Count(which) / drawn.Count;

    [Fact]
    public void Determinations_follow_the_documented_mix()
    {
        var outcomes = OfType("DeterminationRecorded").Select(e => (string)e["data"]!["outcome"]!).Where(o => o != "CitizenshipClaimed").ToList();
        outcomes.Count.ShouldBeGreaterThan(700);
        foreach (var (outcome, _) in YearMixes.Determinations.Entries)
            Share(outcomes, o => o == outcome).ShouldBe(YearMixes.Determinations.Share(outcome), 0.04, outcome);
    }

    [Fact]
    public void Countries_and_prior_convictions_follow_the_documented_mixes()
    {
        var countries = OfType("DeterminationRecorded").Select(e => (string?)e["data"]!["citizenshipCountry"]).OfType<string>().ToList();
        Share(countries, c => c == "MX").ShouldBe(YearMixes.Countries.Share("MX"), 0.05);
        countries.Distinct().Count().ShouldBeGreaterThan(12);
        var checks = OfType("RecordsCheckCompleted").Select(e => e["data"]!["priorConvictions"]!.AsArray().Count).ToList();
        Share(checks, c => c > 0).ShouldBe(YearMixes.PriorConvictions, 0.05);
    }

    [Fact]
    public void Every_lift_reason_and_every_closing_disposition_occurs()
    {
        OfType("DetainerLifted").Select(e => (string)e["data"]!["reason"]!).Distinct().Order()
            .ShouldBe(YearMixes.LiftReasons.Entries.Select(e => e.Value).Order());
        OfType("CaseClosed").Select(e => (string)e["data"]!["disposition"]!).Distinct().Order()
            .ShouldBe(["CitizenshipConfirmed", "DetainerLifted", "NoAction", "ReleasedWithoutTransfer", "TransferredToAnotherAgency", "TransferredToIce"]);
    }

    [Fact]
    public void The_year_holds_corrections_returns_claims_and_expired_holds()
    {
        OfType("EventVoided").ShouldNotBeEmpty();
        OfType("ChargesAmended").ShouldNotBeEmpty();
        OfType("DetainerReturned").ShouldNotBeEmpty();
        OfType("ReviewReturnedForCorrection").ShouldNotBeEmpty();
        OfType("CitizenshipClaimResolved").Select(e => (string)e["data"]!["outcome"]!).Distinct().Count().ShouldBe(2);
        OfType("ReleasedFromLocalCustody").Count(e => (string)e["data"]!["reason"]! == "HoldExpired").ShouldBeGreaterThan(20);
        OfType("CustodyTransferredToIce").Count().ShouldBeGreaterThan(OfType("BookingRecorded").Count() / 3);
    }

    [Fact]
    public void Some_detainer_notices_and_claim_reports_are_late_most_are_not()
    {
        var notices = Durations("DetainerLodged", "lodgedAt", "IceNotifiedOfDetainer", "notifiedAt");
        Share(notices, d => d > TimeSpan.FromHours(24)).ShouldBe(YearMixes.DetainerNoticeLate, 0.04);
        var reports = Durations("CitizenshipClaimAsserted", "assertedAt", "CitizenshipClaimReported", "reportedAt");
        Share(reports, d => d > TimeSpan.FromHours(1)).ShouldBeInRange(0.01, 0.4);
    }

    [Fact]
    public void Governance_trains_fails_revokes_and_complains_as_documented()
    {
        var cast = YearCast.Build(new DemoSettings(7, 1.0), Years.Agreements);
        var officers = cast.Agencies.SelectMany(a => a.Roster).ToList();
        officers.Count.ShouldBeGreaterThan(1000);
        var trained = officers.Where(o => o.Training is not null).ToList();
        Share(officers, o => o.Training is null).ShouldBe(YearMixes.BackgroundCheckFailure, 0.03);
        foreach (var path in Enum.GetValues<TrainingPath>())
            trained.ShouldContain(o => o.Training == path);
        officers.Count(o => o.RevokedAt is not null).ShouldBeGreaterThan(5);
        cast.Agencies.Count(a => a.Lapses.Count > 0).ShouldBe(AgreementActions.Suspensions + AgreementActions.TerminationNotices);
        cast.Agencies.ShouldAllBe(a => a.Roster.Count(o => o.AuthorizedAt < new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero)) >= 2);
        var complaints = OfType("ComplaintReceived").Count();
        complaints.ShouldBeGreaterThan(0);
    }

    /// <summary>Per case, from the first event's instant to the second's.</summary>
    private static List<TimeSpan> Durations(string fromType, string fromMember, string toType, string toMember)
    {
        var starts = new Dictionary<string, DateTimeOffset>();
        var durations = new List<TimeSpan>();
        foreach (var write in Years.Small.Value)
        {
            foreach (var e in Years.Events(write))
            {
                var stream = (string?)e["caseId"] ?? write.Path;
                if ((string)e["type"]! == fromType)
                    starts.TryAdd(stream, DateTimeOffset.Parse((string)e["data"]![fromMember]!));
                else if ((string)e["type"]! == toType && starts.Remove(stream, out var start))
                    durations.Add(DateTimeOffset.Parse((string)e["data"]![toMember]!) - start);
            }
        }

        durations.Count.ShouldBeGreaterThan(20);
        return durations;
    }
}
