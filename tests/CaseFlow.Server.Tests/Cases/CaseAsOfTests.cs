using System.Text.Json;
using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Cases;

/// <summary>
/// A case replayed over HTTP on both time axes and by version, over a history with a void and a fact reported after it
/// (golden results below), and the diff between two of its versions.
/// </summary>
public class CaseAsOfTests(AppFixture app)
{
    /// <summary>
    /// Versions 1-9: the booking (referred three hours ago) to the detainer's service, each step as it occurs (the
    /// interview 168 minutes ago is version 4, the service 163 minutes ago version 9); 10: the interview voided; 11: ICE's
    /// notice of 160 minutes ago, reported after the void. Answers the instants between 9 and 10 and between 10 and 11.
    /// </summary>
    private async Task<(CaseScenario Jem, Guid CaseId, DateTimeOffset BeforeVoid, DateTimeOffset BeforeNotice, string NoticeAt)> VoidedAndLate()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = Now(170) });
        await jem.Post(caseId, "RecordsCheckCompleted", new { completedAt = Now(169), systemsChecked = new[] { "IDENT" }, biometricMatch = true });
        var interview = await (await jem.Post(caseId, "InterviewConducted", new { conductedAt = Now(168), interpreterOffered = true, interpreterUsed = false }))
            .ReadAsJsonAsync<CaseFlow.Server.Writing.AppendResult>();
        await jem.Post(caseId, "DeterminationRecorded", new { determinedAt = Now(167), outcome = "Removable" });
        await jem.Post(caseId, "DetainerPrepared", new { preparedAt = Now(166), bases = new[] { "BiometricAndRecords" }, warrantType = "I-200" });
        await jem.Decide(caseId, "DetainerApproved", new { approvedAt = Now(165) });
        await jem.Post(caseId, "DetainerLodged", new { lodgedAt = Now(164) });
        await jem.Post(caseId, "DetainerServedOnSubject", new { servedAt = Now(163), method = "in person" });
        var beforeVoid = DateTimeOffset.UtcNow;
        await jem.Post(caseId, "EventVoided", new { voidedEventId = interview.EventId, reason = "entered on the wrong booking" }, officer: null);
        var beforeNotice = DateTimeOffset.UtcNow;
        var noticeAt = Now(160);
        await jem.Post(caseId, "IceNotifiedOfDetainer", new { notifiedAt = noticeAt }, officer: null);
        return (jem, caseId, beforeVoid, beforeNotice, noticeAt);
    }

    private async Task<CaseStateAsOf> State(string token, Guid caseId, string query) =>
        await (await app.Host.GetAs(token, $"/api/cases/{caseId}/state?{query}")).ReadAsJsonAsync<CaseStateAsOf>();

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    [Fact]
    public async Task a_case_replays_by_version_by_recording_and_by_occurrence()
    {
        var (jem, caseId, beforeVoid, beforeNotice, noticeAt) = await VoidedAndLate();
        var auditor = app.Tokens.For(Roles.Auditor);

        var byVersion = await State(auditor, caseId, "version=9");
        var knownBeforeVoid = await State(auditor, caseId, $"recordedAsOf={Q(beforeVoid)}");
        var knownBeforeNotice = await State(auditor, caseId, $"recordedAsOf={Q(beforeNotice)}");
        var asItStoodAfterService = await State(auditor, caseId, $"occurredAsOf={Q(DateTimeOffset.Parse(noticeAt).AddMinutes(-1))}");
        var asItStoodAtNotice = await State(auditor, caseId, $"occurredAsOf={Q(DateTimeOffset.Parse(noticeAt))}");

        (byVersion.Axis, byVersion.Version, byVersion.EventsFolded, byVersion.Summary.Status, byVersion.Summary.Case.Interviewed)
            .ShouldBe((AsOfAxis.Version, 9L, 9, CaseStatus.DetainerActive, true));
        byVersion.PolicyVersions.ShouldBe([PolicyVersion.Current]);
        byVersion.AsOf.ShouldBe(byVersion.RecordedThrough);
        byVersion.LeftOut.ShouldBeEmpty();
        (knownBeforeVoid.Version, knownBeforeVoid.Summary.Case.Interviewed).ShouldBe((9L, true));
        (knownBeforeNotice.Version, knownBeforeNotice.Summary.Case.Interviewed, knownBeforeNotice.Summary.Case.Detainer!.IceNotifiedAt).ShouldBe((10L, false, null));
        knownBeforeNotice.Summary.Deadlines.Single().MetAt.ShouldBeNull();

        (asItStoodAfterService.Version, asItStoodAfterService.EventsFolded, asItStoodAfterService.Summary.Case.Interviewed).ShouldBe((11L, 8, false));
        asItStoodAfterService.Summary.Case.Detainer!.IceNotifiedAt.ShouldBeNull();
        asItStoodAfterService.LeftOut.Select(e => (e.Version, e.Type, e.Because)).ShouldBe([
            (4L, "InterviewConducted", LeftOutBecause.Voided), (10L, "EventVoided", LeftOutBecause.Correction), (11L, "IceNotifiedOfDetainer", LeftOutBecause.OccurredLater)]);
        (asItStoodAtNotice.EventsFolded, asItStoodAtNotice.Summary.Case.Detainer!.IceNotifiedAt).ShouldBe((9, DateTimeOffset.Parse(noticeAt)));
        asItStoodAtNotice.Summary.Deadlines.Single().ShouldSatisfyAllConditions(d => d.MetAt.ShouldBe(DateTimeOffset.Parse(noticeAt)), d => d.Late.ShouldBeFalse());
        asItStoodAtNotice.OccurredThrough.ShouldBe(DateTimeOffset.Parse(noticeAt));
    }

    [Fact]
    public async Task a_diff_names_what_changed_between_two_versions_and_the_events_between()
    {
        var (_, caseId, _, _, noticeAt) = await VoidedAndLate();

        var diff = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{caseId}/diff?from=9&to=11")).ReadAsJsonAsync<CaseDiff>();

        diff.Events.Select(e => (e.Version, e.Type)).ShouldBe([(10L, "EventVoided"), (11L, "IceNotifiedOfDetainer")]);
        var changes = diff.Changes.ToDictionary(c => c.Path);
        (changes["/case/interviewed"].Before!.Value.GetBoolean(), changes["/case/interviewed"].After!.Value.GetBoolean()).ShouldBe((true, false));
        changes["/case/detainer/iceNotifiedAt"].Before.ShouldBeNull();
        changes["/case/detainer/iceNotifiedAt"].After!.Value.GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse(noticeAt));
        (changes["/case/version"].Before!.Value.GetInt64(), changes["/case/version"].After!.Value.GetInt64()).ShouldBe((9L, 11L));
        changes.ShouldContainKey("/deadlines/0/metAt");
        changes.Keys.ShouldNotContain("/case/bookingNumber");
    }

    [Theory]
    [InlineData("state", "", 400)]
    [InlineData("state", "version=2&recordedAsOf=2026-01-01T00:00:00Z", 400)]
    [InlineData("state", "version=0", 400)]
    [InlineData("state", "version=two", 400)]
    [InlineData("state", "occurredAsOf=yesterday", 400)]
    [InlineData("state", "version=99", 422)]
    [InlineData("state", "recordedAsOf=2001-01-01T00:00:00Z", 422)]
    [InlineData("state", "occurredAsOf=2001-01-01T00:00:00Z", 422)]
    [InlineData("diff", "from=3", 400)]
    [InlineData("diff", "from=3&to=3", 400)]
    [InlineData("diff", "from=1&to=99", 422)]
    public async Task a_bad_cut_is_a_problem_and_changes_nothing(string endpoint, string query, int status)
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();

        var problem = JsonDocument.Parse(await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{caseId}/{endpoint}?{query}", status)).ReadAsTextAsync()).RootElement;

        problem.GetProperty("type").GetString().ShouldBe(status == 400 ? "urn:caseflow:problem:invalid-request" : "urn:caseflow:problem:as-of-out-of-range");
        (await jem.Summary(caseId)).Case.Version.ShouldBe(1);
    }

    [Fact]
    public async Task replays_are_the_auditors_even_the_case_s_own_agency_and_supervisor_are_refused()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();

        foreach (var token in new[] { jem.Jail, jem.Supervisor })
        {
            await app.Host.GetAs(token, $"/api/cases/{caseId}/state?version=1", 403);
            await app.Host.GetAs(token, $"/api/cases/{caseId}/diff?from=1&to=2", 403);
        }
        await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{Guid.NewGuid()}/state?version=1", 404);
    }
}
