using Alba;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Governance;

/// <summary>The officer and agreement boards, each caller to their own reach.</summary>
public class BoardTests(AppFixture app)
{
    private async Task<T> Board<T>(string token, string board, string query) =>
        await (await app.Host.GetAs(token, $"/api/boards/{board}?{query}")).ReadAsJsonAsync<T>();

    [Fact]
    public async Task the_officer_board_counts_an_agencys_officers_by_standing_within_the_callers_reach()
    {
        var jem = await CaseScenario.Create(app);
        await app.Host.Nominate(jem.Jail, "JEM-8", CaseScenario.Start, "JEM");

        var board = await Board<OfficerBoard>(jem.Supervisor, "officers", $"ori={jem.Ori}");

        board.Agencies.ShouldBe([new AgencyOfficerCounts(jem.Ori, Officers: 2, Authorized: 1, Certified: 1, RefresherDueSoon: 0, Lapsed: 0, Revoked: 0, Disqualified: 0)]);
        board.Attention.ShouldBeEmpty();
        (await Board<OfficerBoard>(jem.Jail, "officers", "")).Agencies.Select(a => a.Ori).ShouldBe([jem.Ori]);
        (await Board<OfficerBoard>(app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), "officers", $"ori={jem.Ori}")).Agencies.ShouldBeEmpty();
        await app.Host.GetAs(jem.Supervisor, "/api/boards/officers?ori=nine", 400);
    }

    [Fact]
    public async Task the_agreement_board_counts_agreements_by_status_and_lists_the_review_meetings_due()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, CaseFlow.Domain.ProgramModel.JEM);
        var admin = app.Tokens.For(Roles.Admin);
        var signedOn = SyntheticAgencies.SignedOn;

        var before = await Board<AgreementBoard>(admin, "agreements", $"ori={ori}");
        var initialHeld = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-300));
        await app.Host.Post(admin, $"/api/agreements/{ori}/JEM/events",
            GovernanceClient.Envelope("ReviewMeetingHeld", new { heldOn = initialHeld.ToString("yyyy-MM-dd"), type = "Initial" }), 200);
        var after = await Board<AgreementBoard>(admin, "agreements", $"ori={ori}");

        before.FieldOffices.ShouldBe([new FieldOfficeAgreementCounts(SyntheticAgencies.FieldOffice, InForce: 1, Suspended: 0, TerminationNoticed: 0, Terminated: 0)]);
        before.ReviewsDue.Select(r => (r.Type, r.DueOn, r.Overdue)).ShouldBe(
            [(ReviewMeetingType.Initial, signedOn.AddYears(1), true), (ReviewMeetingType.Annual, signedOn.AddYears(1), true)]);
        after.ReviewsDue.Select(r => (r.Type, r.DueOn, r.Overdue)).ShouldBe([(ReviewMeetingType.Annual, initialHeld.AddYears(1), false)]);
        (await Board<AgreementBoard>(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend), "agreements", $"ori={ori}")).FieldOffices.ShouldBeEmpty();
    }
}
