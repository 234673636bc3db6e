using CaseFlow.Client.Generated.Models;
using CaseFlow.Ids;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Client;

/// <summary>An officer from the agency's nomination to ICE's authorization, through the generated client.</summary>
public class OfficerThroughClientTests(AppFixture app)
{
    [Fact]
    public async Task an_officer_is_nominated_checked_trained_certified_and_authorized()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, CaseFlow.Domain.ProgramModel.JEM);
        var agency = app.Client(app.Tokens.For(Roles.ScreeningSystem, ori: ori));
        var ice = app.Client(app.Tokens.For(Roles.Supervisor, fieldOffice: SyntheticAgencies.FieldOffice));
        var start = DateTimeOffset.UtcNow.AddDays(-20);
        var ct = TestContext.Current.CancellationToken;

        var nominated = await agency.Api.Officers.PostAsync(new EventEnvelopeOfNomination
        {
            EventId = Guid.NewGuid(),
            OccurredAt = start,
            Late = true,
            Data = new Nomination { BadgeNumber = "FB-2001", Models = [ProgramModel.JEM] },
        }, cancellationToken: ct);
        var officerId = CaseFlowIds.Officer(ori, "FB-2001");
        nominated!.Id.ShouldBe(officerId);

        async Task Post(OfficerEventEnvelope envelope) => await ice.Api.Officers[officerId].Events.PostAsync(envelope, cancellationToken: ct);
        await Post(new() { BackgroundCheckCompletedEnvelope = new() { EventId = Guid.NewGuid(), Type = BackgroundCheckCompletedEnvelope_type.BackgroundCheckCompleted,
            OccurredAt = start.AddDays(1), Late = true, Data = new() { CompletedAt = start.AddDays(1), Result = BackgroundCheckResult.Passed } } });
        await Post(new() { TrainingCompletedEnvelope = new() { EventId = Guid.NewGuid(), Type = TrainingCompletedEnvelope_type.TrainingCompleted, OccurredAt = start.AddDays(5), Late = true,
            Data = new() { Course = "287(g) basic", Model = ProgramModel.JEM, CompletedAt = start.AddDays(5), Exams = [new() { Exam = "Law", Score = 88 }] } } });
        await Post(new() { OfficerCertifiedEnvelope = new() { EventId = Guid.NewGuid(), Type = OfficerCertifiedEnvelope_type.OfficerCertified, OccurredAt = start.AddDays(6), Late = true,
            Data = new() { Model = ProgramModel.JEM, CertifiedAt = start.AddDays(6) } } });
        await Post(new() { AuthorizationIssuedEnvelope = new() { EventId = Guid.NewGuid(), Type = AuthorizationIssuedEnvelope_type.AuthorizationIssued, OccurredAt = start.AddDays(8), Late = true,
            Data = new() { Models = [ProgramModel.JEM], EffectiveAt = start.AddDays(8), LetterRef = "FOD-SFR-9", Form70006Ref = "70-006-9", CredentialNumber = "C-9" } } });

        var officer = (await agency.Api.Officers[officerId].GetAsync(cancellationToken: ct))!;
        officer.Standing!.Status.ShouldBe(OfficerStatus.Authorized);
        officer.Standing.Models!.Single().Authorized.ShouldBe(true);
        officer.History!.Select(e => e.Common!.Type).ShouldBe(
            ["OfficerNominated", "BackgroundCheckCompleted", "TrainingCompleted", "OfficerCertified", "AuthorizationIssued"]);
        var training = officer.History!.Select(e => e.HistoryEventTrainingCompleted).OfType<HistoryEventTrainingCompleted>().Single();
        training.Data!.Exams!.Single().Score.ShouldBe(88);
        training.Data.Model.ShouldBe(ProgramModel.JEM);
        var before = (await agency.Api.Officers[officerId].GetAsync(q => q.QueryParameters.AsOf = start.AddDays(7), ct))!;
        before.Standing!.Status.ShouldBe(OfficerStatus.Certified);
    }
}
