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
            OccurredAt = Envelopes.Instant(start),
            Late = true,
            Data = new Nomination { BadgeNumber = "FB-2001", Models = [ProgramModel.JEM] },
        }, cancellationToken: ct);
        var officerId = CaseFlowIds.Officer(ori, "FB-2001");
        nominated!.Id.ShouldBe(officerId);

        async Task Post(string type, DateTimeOffset at, params (string Name, object Value)[] data) =>
            await ice.Api.Officers[officerId].Events.PostAsync(GeneratedClient.Envelope(type, at, null, data), cancellationToken: ct);
        await Post("BackgroundCheckCompleted", start.AddDays(1), ("completedAt", Envelopes.Instant(start.AddDays(1))), ("result", "Passed"));
        await Post("TrainingCompleted", start.AddDays(5), ("course", "287(g) basic"), ("model", "JEM"), ("completedAt", Envelopes.Instant(start.AddDays(5))),
            ("exams", new List<object> { new JsonObject { AdditionalData = new Dictionary<string, object> { ["exam"] = "Law", ["score"] = 88 } } }));
        await Post("OfficerCertified", start.AddDays(6), ("model", "JEM"), ("certifiedAt", Envelopes.Instant(start.AddDays(6))));
        await Post("AuthorizationIssued", start.AddDays(8), ("models", new List<object> { "JEM" }), ("effectiveAt", Envelopes.Instant(start.AddDays(8))),
            ("letterRef", "FOD-SFR-9"), ("form70006Ref", "70-006-9"), ("credentialNumber", "C-9"));

        var officer = (await agency.Api.Officers[officerId].GetAsync(cancellationToken: ct))!;
        officer.Standing!.Status.ShouldBe(OfficerStatus.Authorized);
        officer.Standing.Models!.Single().Authorized.ShouldBe(true);
        officer.History!.Select(e => e.Type).ShouldBe(
            ["OfficerNominated", "BackgroundCheckCompleted", "TrainingCompleted", "OfficerCertified", "AuthorizationIssued"]);
        var before = (await agency.Api.Officers[officerId].GetAsync(q => q.QueryParameters.AsOf = Envelopes.Instant(start.AddDays(7)), ct))!;
        before.Standing!.Status.ShouldBe(OfficerStatus.Certified);
    }
}
