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
        var caseId = await jail.Book(wso.Ori, Envelopes.NewBookingNumber(), "WSO", now.AddHours(-3), "A023456789");

        await ice.Step(caseId, "WarrantReceivedFromIce", Ago(60), null,
            ("receivedAt", Envelopes.Instant(Ago(60))), ("warrantType", "I-205"), ("iceDetainerRef", "ICE-DET-1"));
        await ice.Step(caseId, "DetainerLodged", Ago(59), null, ("lodgedAt", Envelopes.Instant(Ago(59))));
        await jail.Step(caseId, "ReleaseEligible", Ago(40), null, ("at", Envelopes.Instant(Ago(40))));
        var served = await jail.Step(caseId, "WarrantServed", Ago(39), CaseScenario.Badge,
            ("servedAt", Envelopes.Instant(Ago(39))), ("warrantType", "I-205"), ("interpreterName", "Language line 4471"));
        await jail.Step(caseId, "IceNotifiedOfService", Ago(38), null, ("notifiedAt", Envelopes.Instant(Ago(38))));
        var held = (await jail.Api.Cases[caseId].GetAsync(cancellationToken: TestContext.Current.CancellationToken))!;
        await jail.Step(caseId, "CustodyTransferredToIce", Ago(10), null, ("at", Envelopes.Instant(Ago(10))), ("iceOffice", "ERO San Francisco"));
        await jail.Step(caseId, "CaseClosed", Ago(5), null, ("closedAt", Envelopes.Instant(Ago(5))), ("disposition", "TransferredToIce"));

        served.AppendedByCaseFlow!.Single().Type.ShouldBe("HoldStarted");
        held.Status.ShouldBe(CaseStatus.HoldActive);
        held.HoldDeadline!.Value.ShouldBe(Ago(39).AddHours(48), TimeSpan.FromSeconds(1));
        (await jail.Api.Cases[caseId].GetAsync(cancellationToken: TestContext.Current.CancellationToken))!.Status.ShouldBe(CaseStatus.Closed);
    }
}
