using Alba;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Feed;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using Marten.Events;

namespace CaseFlow.Server.Tests.Cases;

/// <summary>The facts ICE's statistics count by, recorded as event data over HTTP and shown on the case summary.</summary>
public class StatisticsFactsTests(AppFixture app)
{
    private static readonly DateTimeOffset Booked = DateTimeOffset.UtcNow.AddMinutes(-120);

    private static DateTimeOffset At(int minutes) => Booked.AddMinutes(minutes);

    private static async Task<(CaseScenario Scenario, Guid CaseId)> Screened(AppFixture app, object priorConvictions)
    {
        var scenario = await CaseScenario.Create(app);
        var caseId = await app.Host.StartCaseWith(scenario.Jail, Envelopes.Booking(Envelopes.NewBookingNumber(), occurredAt: Booked));
        await scenario.Post(caseId, "ScreeningOpened", new { openedAt = Envelopes.Instant(At(1)) }, occurredAt: At(1));
        await scenario.Post(caseId, "RecordsCheckCompleted",
            new { completedAt = Envelopes.Instant(At(2)), systemsChecked = new[] { "IDENT", "NCIC" }, biometricMatch = true, priorConvictions }, occurredAt: At(2));
        return (scenario, caseId);
    }

    [Fact]
    public async Task the_determination_and_records_check_facts_classify_the_case_and_an_amendment_moves_it()
    {
        var (scenario, caseId) = await Screened(app, Array.Empty<object>());
        await scenario.Post(caseId, "DeterminationRecorded",
            new { determinedAt = Envelopes.Instant(At(3)), outcome = "Removable", citizenshipCountry = "GT", immigrationStatus = "PreviouslyRemoved" }, occurredAt: At(3));

        var summary = await scenario.Summary(caseId);
        summary.Classification.CitizenshipCountry.ShouldBe("GT");
        summary.Classification.ImmigrationStatus.ShouldBe(ImmigrationStatus.PreviouslyRemoved);
        summary.Classification.CriminalityClass.ShouldBe(CriminalityClass.PendingCriminalCharges);
        summary.Classification.MostSerious.ShouldBe(new MostSeriousOffence(ChargeLevel.Misdemeanor, false, null));
        summary.Classification.Encounter.Counts.ShouldBeTrue();
        summary.Classification.Encounter.PolicyVersion.ShouldBe(EncounterPolicy.Version);

        await scenario.Post(caseId, "ChargesAmended",
            new { charges = new[] { new { code = "TX TC 545.351", description = "Speeding", level = "Infraction" } }, reason = "DWI dismissed" }, officer: null);
        (await scenario.Summary(caseId)).Classification.CriminalityClass.ShouldBe(CriminalityClass.OtherImmigrationViolator);

        var history = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{caseId}/history?limit=50")).ReadAsJsonAsync<Page<HistoryEvent>>();
        history.Items.Single(e => e.Type == "DeterminationRecorded").Metadata.GetProperty("schemaVersion").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task a_prior_conviction_makes_a_convicted_criminal_and_its_level_the_most_serious()
    {
        var (scenario, caseId) = await Screened(app, new[] { new { level = "Felony", category = "DangerousDrugs" } });

        var summary = await scenario.Summary(caseId);
        summary.Classification.CriminalityClass.ShouldBe(CriminalityClass.ConvictedCriminal);
        summary.Classification.MostSerious.ShouldBe(new MostSeriousOffence(ChargeLevel.Felony, true, OffenceCategory.DangerousDrugs));
        summary.Classification.Encounter.Counts.ShouldBeFalse();
    }

    [Fact]
    public async Task closed_vocabularies_are_enforced()
    {
        var (scenario, caseId) = await Screened(app, Array.Empty<object>());

        var country = await scenario.Post(caseId, "DeterminationRecorded",
            new { determinedAt = Envelopes.Instant(At(3)), outcome = "Removable", citizenshipCountry = "XX" }, 422, occurredAt: At(3));
        (await country.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:unknown-country-code");
        await scenario.Post(caseId, "DeterminationRecorded",
            new { determinedAt = Envelopes.Instant(At(3)), outcome = "Removable", immigrationStatus = "Tourist" }, 400, occurredAt: At(3));
        await scenario.Post(caseId, "RecordsCheckCompleted", new
        {
            completedAt = Envelopes.Instant(At(4)), systemsChecked = new[] { "NCIC" }, biometricMatch = false,
            priorConvictions = new[] { new { level = "Infraction", category = "TrafficOffenses" } },
        }, 400, occurredAt: At(4));
        await scenario.Post(caseId, "RecordsCheckCompleted", new
        {
            completedAt = Envelopes.Instant(At(4)), systemsChecked = new[] { "NCIC" }, biometricMatch = false,
            priorConvictions = new[] { new { level = "Felony", category = "Burglary", docket = "2019-CR-1182" } },
        }, 400, occurredAt: At(4));
        (await scenario.Summary(caseId)).Case.Version.ShouldBe(3);
    }

    [Fact]
    public async Task ice_requests_notice_of_release_once_for_a_detainer_it_issued()
    {
        var scenario = await CaseScenario.Create(app);
        var caseId = await scenario.Book();
        var request = new { requestedAt = CaseScenario.Now() };

        (await (await scenario.Decide(caseId, "ReleaseNotificationRequested", request, 422)).ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:out-of-sequence");
        await scenario.DetainerInEffect(caseId);
        (await (await scenario.Post(caseId, "ReleaseNotificationRequested", request, 403, officer: null)).ReadAsTextAsync())
            .ShouldContain("urn:caseflow:problem:role-may-not-post-event-type");
        await scenario.Decide(caseId, "ReleaseNotificationRequested", request);

        (await scenario.Summary(caseId)).Classification.ReleaseNotificationRequestedAt.ShouldNotBeNull();
        await scenario.Decide(caseId, "ReleaseNotificationRequested", request, 422);
        await app.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var feed = await (await app.Host.GetAs(scenario.Jail, "/api/feed?limit=500")).ReadAsJsonAsync<Page<FeedEntry>>();
        feed.Items.Where(e => e.CaseId == caseId).Select(e => e.Type).ShouldContain("ReleaseNotificationRequested");
    }

    /// <summary>A determination stored before the statistics' members existed (schema version 1) reads through Marten's serializer.</summary>
    [Fact]
    public void a_schema_version_1_determination_reads_with_its_facts_not_recorded()
    {
        using var json = new MemoryStream("""{"determinedAt":"2026-01-05T12:00:00-06:00","outcome":"Removable"}"""u8.ToArray());

        var old = app.Store.Options.Serializer().FromJson<DeterminationRecorded>(json);

        old.Outcome.ShouldBe(Determination.Removable);
        old.CitizenshipCountry.ShouldBeNull();
        old.ImmigrationStatus.ShouldBeNull();
    }
}
