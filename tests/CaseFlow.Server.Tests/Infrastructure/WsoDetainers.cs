using Alba;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// Cases at Fort Bend's jail (a seeded WSO agreement) that reach a detainer in two steps: for tests that need decisions
/// the feed carries on a node of their own, and nothing else of a case.
/// </summary>
public sealed class WsoDetainers(AppFixture app, IAlbaHost node)
{
    /// <summary>The Houston field office's supervisor, who receives warrants and lodges detainers.</summary>
    public string Ice => app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU");

    public async Task<Guid> CaseWithWarrant()
    {
        var caseId = await node.StartCaseWith(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend), Envelopes.Booking(Envelopes.NewBookingNumber(), "WSO"));
        await node.Post(Ice, $"/api/cases/{caseId}/events", Envelopes.CaseEvent("WarrantReceivedFromIce", new { receivedAt = CaseScenario.Now(), warrantType = "I-200", iceDetainerRef = "D-1" }), 200);
        return caseId;
    }

    /// <summary>Lodges the detainer, a decision the feed carries, and answers the event's position in the store.</summary>
    public async Task<long> LodgeDetainer(Guid caseId, Guid? eventId = null)
    {
        var envelope = Envelopes.CaseEvent("DetainerLodged", new { lodgedAt = CaseScenario.Now() });
        envelope["eventId"] = eventId ?? Guid.NewGuid();
        var answer = await node.Post(Ice, $"/api/cases/{caseId}/events", envelope, 200);
        return (await answer.ReadAsJsonAsync<System.Text.Json.JsonElement>()).GetProperty("position").GetInt64();
    }
}
