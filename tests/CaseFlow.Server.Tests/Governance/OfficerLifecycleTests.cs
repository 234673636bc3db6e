using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Tests.Governance;

public class OfficerLifecycleTests(AppFixture app)
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddDays(-20);
    private string Supervisor => app.Tokens.For(Roles.Supervisor, fieldOffice: SyntheticAgencies.FieldOffice);

    private async Task<(string Ori, Guid OfficerId)> AuthorizedOfficer(params ProgramModel[] agreements)
    {
        var ori = await SyntheticAgencies.Sign(app.Store, agreements.Length == 0 ? [ProgramModel.JEM] : agreements);
        var officerId = await app.Host.Nominate(Agency(ori), "B-100", Start, "JEM");
        await app.Host.OfficerEvent(Supervisor, officerId, "BackgroundCheckCompleted", new { completedAt = Envelopes.Instant(Start.AddDays(1)), result = "Passed" });
        await app.Host.OfficerEvent(Supervisor, officerId, "TrainingCompleted", new
        {
            course = "287(g) JEM basic", model = "JEM", completedAt = Envelopes.Instant(Start.AddDays(5)),
            exams = new object[] { new { exam = "Law", score = 65 }, new { exam = "Law", score = 82, remedial = true }, new { exam = "Practice", score = 90 } },
        });
        await app.Host.OfficerEvent(Supervisor, officerId, "OfficerCertified", new { model = "JEM", certifiedAt = Envelopes.Instant(Start.AddDays(6)) });
        await app.Host.OfficerEvent(Supervisor, officerId, "AuthorizationIssued", new
        {
            models = new[] { "JEM" }, effectiveAt = Envelopes.Instant(Start.AddDays(7)), letterRef = "FOD-HOU-2026-31", form70006Ref = "70-006-8812", credentialNumber = "C-4471",
        });
        return (ori, officerId);
    }

    private string Agency(string ori) => app.Tokens.For(Roles.ScreeningSystem, ori: ori);

    /// <summary>A JEM nominee of a new agency, background-checked, whose first course ended with these exam attempts.</summary>
    private async Task<Guid> FirstCourseTaken(string badge, params object[] exams)
    {
        var ori = await SyntheticAgencies.Sign(app.Store, ProgramModel.JEM);
        var officerId = await app.Host.Nominate(Agency(ori), badge, Start, "JEM");
        await app.Host.OfficerEvent(Supervisor, officerId, "BackgroundCheckCompleted", new { completedAt = Envelopes.Instant(Start.AddDays(1)), result = "Passed" });
        await app.Host.OfficerEvent(Supervisor, officerId, "TrainingCompleted", new
        {
            course = "287(g) JEM basic", model = "JEM", completedAt = Envelopes.Instant(Start.AddDays(5)), exams,
        });
        return officerId;
    }

    [Fact]
    public async Task an_officer_goes_from_nomination_to_authority_and_the_roster_shows_it()
    {
        var (ori, officerId) = await AuthorizedOfficer();

        officerId.ShouldBe(OfficerId.For(ori, "B-100"));
        var details = await (await app.Host.GetAs(Agency(ori), $"/api/officers/{officerId}")).ReadAsJsonAsync<OfficerDetails>();
        details.Standing.Status.ShouldBe(OfficerStatus.Authorized);
        details.Standing.Models.Single().Authorized.ShouldBeTrue();
        details.Standing.Models.Single().RefresherDueOn.ShouldBe(LocalDay.Of(Start.AddDays(5), SyntheticAgencies.TimeZone).AddMonths(RefresherPolicy.DefaultMonths));
        details.Standing.Models.Single().Disqualified.ShouldBeFalse();
        details.History.Select(e => e.Type).ShouldBe(["OfficerNominated", "BackgroundCheckCompleted", "TrainingCompleted", "OfficerCertified", "AuthorizationIssued"]);
        details.History[2].Data.GetProperty("outcome").GetString().ShouldBe("Passed");
        details.History[1].Metadata.GetProperty("role").GetString().ShouldBe(Roles.Supervisor);

        var roster = await (await app.Host.GetAs(Supervisor, $"/api/officers?ori={ori}&status=Authorized")).ReadAsJsonAsync<Page<OfficerStanding>>();
        roster.Items.Single().Id.ShouldBe(officerId);
        (await (await app.Host.GetAs(Supervisor, $"/api/officers?ori={ori}&status=Revoked")).ReadAsJsonAsync<Page<OfficerStanding>>()).Items.ShouldBeEmpty();
    }

    /// <summary>Training of day 5 stays current through its due date in the agency's time zone (Guam), not in UTC.</summary>
    [Fact]
    public async Task authority_lapses_when_the_day_after_the_refresher_due_date_begins_in_the_agencys_time_zone()
    {
        var (ori, officerId) = await AuthorizedOfficer();
        var dueOn = LocalDay.Of(Start.AddDays(5), SyntheticAgencies.TimeZone).AddMonths(RefresherPolicy.DefaultMonths);
        var lapse = LocalDay.Start(dueOn.AddDays(1), SyntheticAgencies.TimeZone);

        async Task<ModelStanding> At(DateTimeOffset instant) => (await (await app.Host.GetAs(Agency(ori),
            $"/api/officers/{officerId}?asOf={Uri.EscapeDataString(instant.ToString("O"))}")).ReadAsJsonAsync<OfficerDetails>()).Standing.Models.Single();

        var lastMoment = await At(lapse.AddTicks(-1));
        lastMoment.Authorized.ShouldBeTrue();
        lastMoment.RefresherOverdue.ShouldBeFalse();
        var lapsed = await At(lapse);
        lapsed.Authorized.ShouldBeFalse();
        lapsed.RefresherOverdue.ShouldBeTrue();
        lapsed.RefresherDueOn.ShouldBe(dueOn);
    }

    [Fact]
    public async Task revocation_ends_authority_from_its_effective_instant()
    {
        var (ori, officerId) = await AuthorizedOfficer();
        var revokedAt = Start.AddDays(10);

        await app.Host.OfficerEvent(Supervisor, officerId, "AuthorizationRevoked", new { effectiveAt = Envelopes.Instant(revokedAt), reason = "transfer out of the jail", letterRef = "FOD-HOU-2026-40" });

        var before = await (await app.Host.GetAs(Agency(ori), $"/api/officers/{officerId}?asOf={Uri.EscapeDataString(Envelopes.Instant(revokedAt.AddSeconds(-1)))}")).ReadAsJsonAsync<OfficerDetails>();
        var at = await (await app.Host.GetAs(Agency(ori), $"/api/officers/{officerId}?asOf={Uri.EscapeDataString(Envelopes.Instant(revokedAt))}")).ReadAsJsonAsync<OfficerDetails>();
        before.Standing.Status.ShouldBe(OfficerStatus.Authorized);
        at.Standing.Status.ShouldBe(OfficerStatus.Revoked);
        await app.Host.OfficerEvent(Supervisor, officerId, "CredentialsReturned", new { returnedAt = Envelopes.Instant(revokedAt.AddHours(2)) });
    }

    [Fact]
    public async Task two_failed_exams_disqualify_and_certification_is_then_refused()
    {
        var officerId = await FirstCourseTaken("B-7", new { exam = "Law", score = 61 }, new { exam = "Practice", score = 64 });

        var refused = await app.Host.OfficerEvent(Supervisor, officerId, "OfficerCertified", new { model = "JEM", certifiedAt = Envelopes.Instant(Start.AddDays(6)) }, 422);

        (await refused.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:officer-disqualified");
    }

    [Fact]
    public async Task a_failed_remedial_retake_recorded_as_its_own_training_event_disqualifies()
    {
        var officerId = await FirstCourseTaken("B-11", new { exam = "Law", score = 61 }, new { exam = "Practice", score = 90 });
        await app.Host.OfficerEvent(Supervisor, officerId, "TrainingCompleted", new
        {
            course = "287(g) JEM remedial", model = "JEM", completedAt = Envelopes.Instant(Start.AddDays(8)),
            exams = new object[] { new { exam = "Law", score = 69, remedial = true } },
        });

        var details = await (await app.Host.GetAs(Supervisor, $"/api/officers/{officerId}")).ReadAsJsonAsync<OfficerDetails>();
        details.History.Where(e => e.Type == "TrainingCompleted").Select(e => e.Data.GetProperty("outcome").GetString()).ShouldBe(["RemedialRequired", "Disqualified"]);
        details.Standing.Status.ShouldBe(OfficerStatus.Disqualified);
        details.Standing.Models.Single().Disqualified.ShouldBeTrue();
        var refused = await app.Host.OfficerEvent(Supervisor, officerId, "OfficerCertified", new { model = "JEM", certifiedAt = Envelopes.Instant(Start.AddDays(9)) }, 422);
        (await refused.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:officer-disqualified");
        var again = await app.Host.OfficerEvent(Supervisor, officerId, "TrainingCompleted", new
        {
            course = "287(g) JEM basic", model = "JEM", completedAt = Envelopes.Instant(Start.AddDays(10)), exams = new object[] { new { exam = "Law", score = 95 } },
        }, 422);
        (await again.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:officer-disqualified");
    }

    /// <summary>
    /// The scenario's officer is disqualified by a failed course two hours ago: a step dated a minute before that,
    /// reported afterwards, stands; a step dated a minute after it is refused.
    /// </summary>
    [Fact]
    public async Task a_late_reported_step_is_judged_by_the_officers_standing_when_it_occurred()
    {
        var scenario = await CaseScenario.Create(app);
        var disqualifiedAt = DateTimeOffset.UtcNow.AddHours(-2);
        var caseId = await app.Host.StartCaseWith(scenario.Jail, Envelopes.Booking(Envelopes.NewBookingNumber(), occurredAt: disqualifiedAt.AddMinutes(-30)));
        await app.Host.OfficerEvent(Supervisor, scenario.OfficerId, "TrainingCompleted", new
        {
            course = "287(g) JEM update", model = "JEM", completedAt = Envelopes.Instant(disqualifiedAt),
            exams = new object[] { new { exam = "Update", score = 50 }, new { exam = "Update", score = 60, remedial = true } },
        });

        var before = disqualifiedAt.AddMinutes(-1);
        await scenario.Post(caseId, "ScreeningOpened", new { openedAt = Envelopes.Instant(before) }, occurredAt: before);
        var after = disqualifiedAt.AddMinutes(1);
        var refused = await scenario.Post(caseId, "InterviewConducted",
            new { conductedAt = Envelopes.Instant(after), interpreterOffered = true, interpreterUsed = false }, 422, occurredAt: after);
        (await refused.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:officer-not-authorized");
    }

    [Fact]
    public async Task authorization_without_certification_is_refused()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, ProgramModel.JEM);
        var officerId = await app.Host.Nominate(Agency(ori), "B-8", Start, "JEM");

        var refused = await app.Host.OfficerEvent(Supervisor, officerId, "AuthorizationIssued", new
        {
            models = new[] { "JEM" }, effectiveAt = Envelopes.Instant(Start.AddDays(7)), letterRef = "L", form70006Ref = "F", credentialNumber = "C",
        }, 422);

        (await refused.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:not-certified");
    }

    [Fact]
    public async Task an_agency_cannot_nominate_for_a_model_it_has_no_agreement_for()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, ProgramModel.JEM);

        var refused = await app.Host.Post(Agency(ori), "/api/officers", GovernanceClient.Envelope("OfficerNominated", new { badgeNumber = "B-9", models = new[] { "WSO" } }), 422);

        (await refused.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:agreement-not-in-force");
    }

    [Fact]
    public async Task nominations_and_officer_events_are_idempotent()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, ProgramModel.JEM);
        var nomination = GovernanceClient.Envelope("OfficerNominated", new { badgeNumber = "B-10", models = new[] { "JEM" } }, Start);
        var first = await (await app.Host.Post(Agency(ori), "/api/officers", nomination, 201)).ReadAsTextAsync();

        var again = await app.Host.Post(Agency(ori), "/api/officers", nomination, 201);
        (await again.ReadAsTextAsync()).ShouldBe(first);
        again.Context.Response.Headers[WriteResults.ReplayedHeader].ToString().ShouldBe("true");

        var officerId = OfficerId.For(ori, "B-10");
        var check = GovernanceClient.Envelope("BackgroundCheckCompleted", new { completedAt = Envelopes.Instant(Start.AddDays(1)), result = "Passed" });
        await app.Host.Post(Supervisor, $"/api/officers/{officerId}/events", check, 200);
        var replay = await app.Host.Post(Supervisor, $"/api/officers/{officerId}/events", check, 200);
        replay.Context.Response.Headers[WriteResults.ReplayedHeader].ToString().ShouldBe("true");
    }

    [Fact]
    public async Task officers_are_managed_within_scope()
    {
        var (ori, officerId) = await AuthorizedOfficer();
        var refresher = new { model = "JEM", completedAt = Envelopes.Instant(Start.AddDays(12)) };

        await app.Host.OfficerEvent(app.Tokens.For(Roles.Supervisor, fieldOffice: "MIA"), officerId, "RefresherCompleted", refresher, 404);
        await app.Host.GetAs(app.Tokens.For(Roles.Supervisor, fieldOffice: "MIA"), $"/api/officers/{officerId}", 404);
        await app.Host.GetAs(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.Aransas), $"/api/officers/{officerId}", 404);
        await app.Host.OfficerEvent(Agency(ori), officerId, "RefresherCompleted", refresher, 403);
        await app.Host.OfficerEvent(app.Tokens.For(Roles.Admin), officerId, "RefresherCompleted", refresher);
        await app.Host.GetAs(app.Tokens.For(Roles.Analyst), $"/api/officers/{officerId}");
    }
}
