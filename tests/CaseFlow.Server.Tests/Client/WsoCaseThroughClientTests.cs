using CaseFlow.Client.Generated.Models;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Client;

/// <summary>A whole WSO case through the generated client: ICE's warrant, its service in the jail, the hold, the transfer.</summary>
public class WsoCaseThroughClientTests(AppFixture app)
{
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;

    private DateTimeOffset Ago(int minutes) => now.AddMinutes(-minutes);

    [Fact]
    public async Task a_wso_case_goes_from_booking_to_transfer_and_closure()
    {
        var wso = await CaseScenario.Create(app, CaseFlow.Domain.ProgramModel.WSO);
        var (jail, ice) = (app.Client(wso.Jail), app.Client(wso.Supervisor));
        var caseId = await jail.Book(wso.Ori, Envelopes.NewBookingNumber(), ProgramModel.WSO, now.AddHours(-3), "A023456789");

        await ice.Post(caseId, new() { WarrantReceivedFromIceEnvelope = new() { EventId = Guid.NewGuid(), Type = WarrantReceivedFromIceEnvelope_type.WarrantReceivedFromIce, OccurredAt = Ago(60),
            Data = new() { ReceivedAt = Ago(60), WarrantType = WarrantType.I205, IceDetainerRef = "ICE-DET-1" } } });
        await ice.Post(caseId, new() { DetainerLodgedEnvelope = new() { EventId = Guid.NewGuid(), Type = DetainerLodgedEnvelope_type.DetainerLodged, OccurredAt = Ago(59), Data = new() { LodgedAt = Ago(59) } } });
        await jail.Post(caseId, new() { ReleaseEligibleEnvelope = new() { EventId = Guid.NewGuid(), Type = ReleaseEligibleEnvelope_type.ReleaseEligible, OccurredAt = Ago(40), Data = new() { At = Ago(40) } } });
        var served = await jail.Post(caseId, new() { WarrantServedEnvelope = new() { EventId = Guid.NewGuid(), Type = WarrantServedEnvelope_type.WarrantServed, OccurredAt = Ago(39), OfficerId = CaseScenario.Badge,
            Data = new() { ServedAt = Ago(39), WarrantType = WarrantType.I205, InterpreterName = "Language line 4471" } } });
        await jail.Post(caseId, new() { IceNotifiedOfServiceEnvelope = new() { EventId = Guid.NewGuid(), Type = IceNotifiedOfServiceEnvelope_type.IceNotifiedOfService, OccurredAt = Ago(38), Data = new() { NotifiedAt = Ago(38) } } });
        var held = (await jail.Api.Cases[caseId].GetAsync(cancellationToken: TestContext.Current.CancellationToken))!;
        await jail.Post(caseId, new() { CustodyTransferredToIceEnvelope = new() { EventId = Guid.NewGuid(), Type = CustodyTransferredToIceEnvelope_type.CustodyTransferredToIce, OccurredAt = Ago(10),
            Data = new() { At = Ago(10), IceOffice = "ERO San Francisco" } } });
        await jail.Post(caseId, new() { CaseClosedEnvelope = new() { EventId = Guid.NewGuid(), Type = CaseClosedEnvelope_type.CaseClosed, OccurredAt = Ago(5),
            Data = new() { ClosedAt = Ago(5), Disposition = Disposition.TransferredToIce } } });

        served.AppendedByCaseFlow!.Single().Type.ShouldBe("HoldStarted");
        held.Status.ShouldBe(CaseStatus.HoldActive);
        held.HoldDeadline!.Value.ShouldBe(Ago(39).AddHours(48), TimeSpan.FromSeconds(1));
        (await jail.Api.Cases[caseId].GetAsync(cancellationToken: TestContext.Current.CancellationToken))!.Status.ShouldBe(CaseStatus.Closed);
    }
}
