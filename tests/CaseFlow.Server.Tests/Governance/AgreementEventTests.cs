using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Governance;

public class AgreementEventTests(AppFixture app)
{
    private string Admin => app.Tokens.For(Roles.Admin);

    private Task<IScenarioResult> Record(string ori, string type, object data, int status = 200, string token = "") =>
        app.Host.Post(token == "" ? Admin : token, $"/api/agreements/{ori}/JEM/events", GovernanceClient.Envelope(type, data), status);

    private async Task<AgreementView> As(string ori, DateTimeOffset at) =>
        (await (await app.Host.GetAs(Admin, $"/api/agreements/{ori}/JEM?asOf={Uri.EscapeDataString(Envelopes.Instant(at))}")).ReadAsJsonAsync<AgreementDetails>()).Current;

    [Fact]
    public async Task a_suspension_and_its_lifting_are_answered_as_of_any_instant()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, ProgramModel.JEM);
        var suspendedAt = DateTimeOffset.UtcNow.AddDays(-10);
        var liftedAt = DateTimeOffset.UtcNow.AddDays(-3);

        await Record(ori, "AgreementSuspended", new { effectiveAt = Envelopes.Instant(suspendedAt), reason = "serious misconduct" });
        await Record(ori, "SuspensionLifted", new { effectiveAt = Envelopes.Instant(liftedAt) });

        (await As(ori, suspendedAt.AddSeconds(-1))).InForce.ShouldBeTrue();
        (await As(ori, suspendedAt)).Status.ShouldBe(AgreementStatus.Suspended);
        (await As(ori, liftedAt)).InForce.ShouldBeTrue();
    }

    [Fact]
    public async Task a_suspended_agreement_refuses_new_bookings_and_nominations()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, ProgramModel.JEM);
        await Record(ori, "AgreementSuspended", new { effectiveAt = Envelopes.Instant(DateTimeOffset.UtcNow.AddHours(-1)), reason = "serious misconduct" });
        var jail = app.Tokens.For(Roles.ScreeningSystem, ori: ori);

        (await (await app.Host.PostBooking(jail, Envelopes.Booking(Envelopes.NewBookingNumber()), 422)).ReadAsTextAsync()).ShouldContain("agreement-not-in-force");
        await app.Host.Post(jail, "/api/officers", GovernanceClient.Envelope("OfficerNominated", new { badgeNumber = "B-1", models = new[] { "JEM" } }), 422);
    }

    [Fact]
    public async Task a_termination_notice_takes_effect_ninety_days_later_unless_it_says_otherwise()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, ProgramModel.JEM);
        var notice = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));

        await Record(ori, "TerminationNoticed", new { noticeDate = notice.ToString("yyyy-MM-dd"), byParty = "Agency" });

        var now = await As(ori, DateTimeOffset.UtcNow);
        now.InForce.ShouldBeTrue();
        now.Agreement.TerminationNotice!.EffectiveOn.ShouldBe(notice.AddDays(90));
        (await As(ori, LocalDay.Start(notice.AddDays(90), SyntheticAgencies.TimeZone))).Status.ShouldBe(AgreementStatus.Terminated);
        var second = await Record(ori, "TerminationNoticed", new { noticeDate = notice.ToString("yyyy-MM-dd"), byParty = "Ice", effectiveOn = notice.AddDays(120).ToString("yyyy-MM-dd") }, 422);
        (await second.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:termination-already-noticed");
        await Record(ori, "AgreementTerminated", new { effectiveAt = Envelopes.Instant(DateTimeOffset.UtcNow.AddMinutes(-1)), reason = "agency withdrew" });
        await Record(ori, "AgreementTerminated", new { effectiveAt = Envelopes.Instant(DateTimeOffset.UtcNow.AddMinutes(-1)), reason = "again" }, 422);
    }

    [Fact]
    public async Task reviews_and_addenda_are_kept_with_the_agreement()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, ProgramModel.JEM);

        await Record(ori, "ReviewMeetingHeld", new { heldOn = "2025-12-10", type = "Annual" });
        await Record(ori, "AddendumRecorded", new { signedOn = "2025-11-01", text = "Adds the county's second detention facility." });

        var details = await (await app.Host.GetAs(Admin, $"/api/agreements/{ori}/JEM")).ReadAsJsonAsync<AgreementDetails>();
        details.Current.Agreement.ReviewMeetings.Single().Type.ShouldBe(ReviewMeetingType.Annual);
        details.History.Select(e => e.Type).ShouldBe(["AgreementSigned", "ReviewMeetingHeld", "AddendumRecorded"]);
    }

    [Fact]
    public async Task only_admins_record_agreement_events_and_if_match_guards_them()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, ProgramModel.JEM);
        var review = new { heldOn = "2025-12-10", type = "Annual" };

        await Record(ori, "ReviewMeetingHeld", review, 403, app.Tokens.For(Roles.Supervisor, fieldOffice: SyntheticAgencies.FieldOffice));
        await Record(ori, "ReviewMeetingHeld", review, 403, app.Tokens.For(Roles.ScreeningSystem, ori: ori));
        await app.Host.Scenario(s =>
        {
            s.Post.Json(GovernanceClient.Envelope("ReviewMeetingHeld", review)).ToUrl($"/api/agreements/{ori}/JEM/events");
            s.Bearer(Admin);
            s.WithRequestHeader("If-Match", "\"7\"");
            s.StatusCodeShouldBe(412);
        });
    }
}
