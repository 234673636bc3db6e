using System.Security.Cryptography;
using Alba;
using CaseFlow.Domain.Reports;
using CaseFlow.Server.Reports;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using static CaseFlow.Server.Tests.Reports.ReportScenario;

namespace CaseFlow.Server.Tests.Reports;

/// <summary>
/// Releasing a month: an analyst proposes, an admin other than the proposer approves, the approved bytes answered
/// unchanged forever after, a re-release a new version; and the revisions later reports list. Each test releases a
/// month of its own.
/// </summary>
public class ReportReleaseTests(AppFixture app)
{
    private string Admin(string subject = "admin-reports") => app.Tokens.For(Roles.Admin, subject: subject);

    private async Task<ReportReleaseAnswer> Propose(string month, string? token = null) =>
        await (await app.Host.Post(token ?? Analyst(app), $"/api/reports/monthly/{month}/release-proposals", new { eventId = Guid.NewGuid() }, 202))
            .ReadAsJsonAsync<ReportReleaseAnswer>();

    private Task<IScenarioResult> Approve(string month, Guid proposalId, string token, int status = 200) =>
        app.Host.Post(token, $"/api/reports/monthly/{month}/approvals",
            new { proposalId, publicAffairsReference = "OPA-2025-0142", privacyOfficeReference = "PRIV-2025-0077" }, status);

    private async Task<byte[]> Released(string month, string query = "") =>
        await (await Read(app, $"/api/reports/monthly/{month}/released{query}")).ReadAsBytesAsync();

    [Fact]
    public async Task the_pending_proposal_says_who_proposed_it_when_and_its_hash_until_it_is_approved()
    {
        const string month = "2023-04";
        var pendingUrl = $"/api/reports/monthly/{month}/release-proposals/pending";
        await Read(app, pendingUrl, status: 404);
        var before = DateTimeOffset.UtcNow;
        await Propose(month);
        var proposal = await Propose(month);

        foreach (var reader in new[] { Analyst(app), app.Tokens.For(Roles.Auditor, subject: "auditor-reports"), Admin() })
        {
            var pending = await (await Read(app, pendingUrl, token: reader)).ReadAsJsonAsync<PendingReportProposal>();
            pending.ShouldBe(pending with { Month = month, ProposalId = proposal.ProposalId, ProposedBy = "analyst-reports", Sha256 = proposal.Sha256 }, "the latest proposal");
            pending.ProposedAt.ShouldBeInRange(before, DateTimeOffset.UtcNow);
        }

        await Read(app, pendingUrl, token: app.Tokens.For(Roles.ScreeningSystem, ori: "TX0790000", subject: "jail-reports"), status: 403);
        await Read(app, pendingUrl, token: app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU", subject: "supervisor-reports"), status: 403);
        await Approve(month, proposal.ProposalId, Admin());
        await Read(app, pendingUrl, status: 404);
        await Read(app, $"/api/reports/monthly/{month}-1/release-proposals/pending", status: 400);
    }

    [Fact]
    public async Task an_analyst_proposes_another_admin_approves_and_everyone_reads_the_approved_bytes()
    {
        const string month = "2025-06";
        var proposal = await Propose(month);
        await Read(app, $"/api/reports/monthly/{month}/released", status: 404);

        var approved = await (await Approve(month, proposal.ProposalId, Admin())).ReadAsJsonAsync<ReportReleaseAnswer>();

        approved.ReleasedVersion.ShouldBe(1);
        approved.Sha256.ShouldBe(proposal.Sha256);
        var answer = await Read(app, $"/api/reports/monthly/{month}/released");
        var bytes = await answer.ReadAsBytesAsync();
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(proposal.Sha256);
        answer.Context.Response.Headers.ETag.ToString().ShouldBe($"\"{proposal.Sha256}\"");
        var jail = app.Tokens.For(Roles.ScreeningSystem, ori: "TX0790000", subject: "jail-reports");
        var supervisor = app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU", subject: "supervisor-reports");
        foreach (var reader in new[] { jail, supervisor, Admin("another-admin") })
            (await (await Read(app, $"/api/reports/monthly/{month}/released", token: reader)).ReadAsBytesAsync()).ShouldBe(bytes);
        await Read(app, $"/api/reports/monthly/{month}", token: jail, status: 403);
        await Read(app, $"/api/reports/monthly/{month}", token: supervisor, status: 403);
        await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/reports/monthly/{month}/released");
            s.WithRequestHeader("If-None-Match", $"\"{proposal.Sha256}\"");
            s.Bearer(jail);
            s.StatusCodeShouldBe(304);
        });
        (await (await Read(app, $"/api/reports/monthly/{month}/released.html", "*/*", jail)).ReadAsTextAsync()).ShouldContain($"Released version 1");
    }

    [Fact]
    public async Task the_proposer_may_not_approve_and_only_the_latest_proposal_may_be_approved_once()
    {
        const string month = "2025-09";
        var first = await Propose(month, app.Tokens.For(Roles.Analyst, subject: "dual-role-person"));
        var refused = await Approve(month, first.ProposalId, app.Tokens.For(Roles.Admin, subject: "dual-role-person"), 403);
        (await refused.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:report-approver-is-proposer");
        await Approve(month, first.ProposalId, Analyst(app), 403);
        await Approve(month, Guid.NewGuid(), Admin(), 404);

        var second = await Propose(month);
        (await (await Approve(month, first.ProposalId, Admin(), 409)).ReadAsTextAsync()).ShouldContain("report-proposal-superseded");
        await Approve(month, second.ProposalId, Admin());
        (await (await Approve(month, second.ProposalId, Admin(), 200)).ReadAsJsonAsync<ReportReleaseAnswer>()).ReleasedVersion.ShouldBe(1, "the same approval again is answered as the first time");
        (await (await Approve(month, second.ProposalId, Admin("another-admin"), 409)).ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:");
        await Read(app, $"/api/reports/monthly/{month}/released?version=2", status: 404);
    }

    [Fact]
    public async Task of_two_approvals_at_once_one_wins_and_the_other_is_a_conflict()
    {
        const string month = "2024-11";
        var proposal = await Propose(month);

        var answers = await Task.WhenAll(
            app.Host.Scenario(s => Approval(s, month, proposal.ProposalId, Admin("admin-one"))),
            app.Host.Scenario(s => Approval(s, month, proposal.ProposalId, Admin("admin-two"))));

        answers.Select(a => a.Context.Response.StatusCode).Order().ShouldBe([200, 409]);
        (await Released(month)).ShouldNotBeEmpty();
        await Read(app, $"/api/reports/monthly/{month}/released?version=2", status: 404);
    }

    private static void Approval(Scenario s, string month, Guid proposalId, string token)
    {
        s.Post.Json(new { proposalId, publicAffairsReference = "OPA-2024-0900", privacyOfficeReference = "PRIV-2024-0901" }).ToUrl($"/api/reports/monthly/{month}/approvals");
        s.Bearer(token);
        s.IgnoreStatusCode();
    }

    [Fact]
    public async Task a_month_not_over_everywhere_is_not_proposed()
    {
        var now = DateTime.UtcNow;
        var answer = await app.Host.Post(Analyst(app), $"/api/reports/monthly/{now:yyyy-MM}/release-proposals", new { eventId = Guid.NewGuid() }, 422);

        (await answer.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:report-month-not-over");
    }

    [Fact]
    public async Task a_release_never_changes_later_reports_list_its_revisions_and_a_re_release_is_a_new_version()
    {
        const string july = "2025-07";
        var scenario = await Of(app);
        var jem = scenario.JemAgency;
        var first = await jem.Book(referredAt: Instant("2025-07-08T09:00:00-05:00"));
        await jem.Post(first, "ScreeningOpened", new { openedAt = "2025-07-08T09:30:00-05:00" });
        await app.Host.StatisticsHaveApplied(first);
        var v1 = await Propose(july);
        await Approve(july, v1.ProposalId, Admin());
        var released = await Released(july);

        // A July screening recorded late: July's live figures change, its release does not.
        var late = await jem.Book(referredAt: Instant("2025-07-20T09:00:00-05:00"));
        await jem.Post(late, "ScreeningOpened", new { openedAt = "2025-07-20T09:30:00-05:00" });
        await app.Host.StatisticsHaveApplied(late);

        (await Released(july)).ShouldBe(released);
        var august = await (await Read(app, "/api/reports/monthly/2025-08")).ReadAsJsonAsync<MonthlyReport>();
        august.Revisions.Where(r => r.Month == july).ShouldBe(
        [
            new ReportRevision(july, 1, ReportTables.ProgramTotals, ReportTables.NationalRow, "bookingsScreened", 1, 2),
            new ReportRevision(july, 1, ReportTables.States, Jem.State, "bookingsScreened", 1, 2),
            new ReportRevision(july, 1, ReportTables.Agencies, $"{jem.Ori}:JEM", "bookingsScreened", 1, 2),
        ]);

        var v2 = await Propose(july);
        (await (await Approve(july, v2.ProposalId, Admin())).ReadAsJsonAsync<ReportReleaseAnswer>()).ReleasedVersion.ShouldBe(2);
        v2.Sha256.ShouldNotBe(v1.Sha256);
        (await Released(july, "?version=1")).ShouldBe(released);
        Convert.ToHexStringLower(SHA256.HashData(await Released(july))).ShouldBe(v2.Sha256);
        (await (await Read(app, "/api/reports/monthly/2025-08")).ReadAsJsonAsync<MonthlyReport>()).Revisions.ShouldNotContain(r => r.Month == july);
    }
}
