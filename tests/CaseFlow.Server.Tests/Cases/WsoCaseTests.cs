using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Tests.Infrastructure;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Cases;

/// <summary>The warrant service officer model over HTTP, and deadlines derived from when things occurred.</summary>
public class WsoCaseTests(AppFixture app)
{
    [Fact]
    public async Task a_wso_case_goes_from_ices_warrant_to_custody_transfer()
    {
        var wso = await CaseScenario.Create(app, ProgramModel.WSO);
        var caseId = await wso.Book();

        await wso.WarrantServedAndTransferred(caseId);

        var summary = await wso.Summary(caseId);
        summary.Status.ShouldBe(CaseStatus.Closed);
        summary.Deadlines.Single(d => d.Rule == "hold-ended-within-limit").Late.ShouldBeFalse();
    }

    [Theory]
    [InlineData("InterviewConducted", "{\"conductedAt\":\"NOW\",\"interpreterOffered\":true,\"interpreterUsed\":false}")]
    [InlineData("DeterminationRecorded", "{\"determinedAt\":\"NOW\",\"outcome\":\"Removable\"}")]
    [InlineData("I213Prepared", "{\"preparedAt\":\"NOW\",\"documentRef\":\"I213-1\"}")]
    [InlineData("ChargingDocumentPrepared", "{\"preparedAt\":\"NOW\",\"documentType\":\"NoticeToAppear\",\"charges\":[\"212(a)(6)(A)(i)\"]}")]
    public async Task questioning_and_processing_are_refused_in_a_wso_case(string type, string data)
    {
        var wso = await CaseScenario.Create(app, ProgramModel.WSO);
        var caseId = await wso.Book();

        var refused = await wso.Post(caseId, type, System.Text.Json.JsonDocument.Parse(data.Replace("NOW", Now(), StringComparison.Ordinal)).RootElement, 422);

        (await refused.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:not-in-wso-model");
    }

    [Fact]
    public async Task a_late_reported_notification_clears_the_detainer_notice_breach()
    {
        var jem = await CaseScenario.Create(app);
        var lodged = DateTimeOffset.UtcNow.AddDays(-3);
        var caseId = await jem.Book(referredAt: lodged.AddHours(-6));
        await jem.Post(caseId, "ScreeningOpened", new { openedAt = Envelopes.Instant(lodged.AddHours(-5)) }, occurredAt: lodged.AddHours(-5));
        await jem.Post(caseId, "RecordsCheckCompleted", new { completedAt = Envelopes.Instant(lodged.AddHours(-4)), systemsChecked = new[] { "IDENT" }, biometricMatch = true }, occurredAt: lodged.AddHours(-4));
        await jem.Post(caseId, "DeterminationRecorded", new { determinedAt = Envelopes.Instant(lodged.AddHours(-3)), outcome = "Removable" }, occurredAt: lodged.AddHours(-3));
        await jem.Post(caseId, "DetainerPrepared", new { preparedAt = Envelopes.Instant(lodged.AddHours(-2)), bases = new[] { "StatementsOrEvidence" }, warrantType = "I-200" }, occurredAt: lodged.AddHours(-2));
        await jem.Decide(caseId, "DetainerApproved", new { approvedAt = Envelopes.Instant(lodged.AddHours(-1)) });
        await jem.Post(caseId, "DetainerLodged", new { lodgedAt = Envelopes.Instant(lodged) }, occurredAt: lodged);

        var breached = (await jem.Summary(caseId)).Deadlines.Single(d => d.Rule == "ice-notified-of-detainer-within-24h");
        breached.Late.ShouldBeTrue();

        // The jail was offline: it had told ICE two hours after lodging, and reports that now.
        await jem.Post(caseId, "IceNotifiedOfDetainer", new { notifiedAt = Envelopes.Instant(lodged.AddHours(2)) }, occurredAt: lodged.AddHours(2), officer: null);

        var cleared = (await jem.Summary(caseId)).Deadlines.Single(d => d.Rule == "ice-notified-of-detainer-within-24h");
        cleared.Late.ShouldBeFalse();
        cleared.Due.ShouldBe(lodged.AddHours(24), TimeSpan.FromSeconds(1));
    }
}
