using System.Text.Json;
using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Event ids are unique across the store, so a write must not let its answer depend on whether another agency already
/// used an id: "not found" is decided before the id is judged.
/// </summary>
public class EventIdProbeTests(AppFixture app)
{
    private async Task<(int Status, string? Type, string? Title, string? Detail)> Answer(string token, Guid caseId, Guid eventId)
    {
        var envelope = Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(1), eventId);
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(envelope).ToUrl($"/api/cases/{caseId}/events");
            s.Bearer(token);
            s.IgnoreStatusCode();
        });
        var problem = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
        string? Text(string name) => problem.TryGetProperty(name, out var value) ? value.GetString() : null;
        return (result.Context.Response.StatusCode, Text("type"), Text("title"), Text("detail"));
    }

    [Fact]
    public async Task another_agencys_event_id_is_answered_as_an_unseen_one()
    {
        var owner = await CaseScenario.Create(app);
        var ownersCase = await owner.Book();
        var seen = Guid.NewGuid();
        await app.Host.Post(owner.Jail, $"/api/cases/{ownersCase}/events", Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(1), seen), 200);
        var prober = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.Aransas);

        foreach (var target in new[] { Guid.NewGuid(), ownersCase })
        {
            var answers = new[] { await Answer(prober, target, seen), await Answer(prober, target, Guid.NewGuid()) };

            answers[0].Status.ShouldBe(404);
            answers[0].ShouldBe(answers[1], $"the answer on case {target} depends on whether the event id was seen");
        }
    }

    [Fact]
    public async Task on_a_case_of_ones_own_a_reused_foreign_id_still_conflicts_the_oracle_left_in_the_threat_model()
    {
        var owner = await CaseScenario.Create(app);
        var seen = Guid.NewGuid();
        await app.Host.Post(owner.Jail, $"/api/cases/{await owner.Book()}/events", Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(1), seen), 200);
        var prober = await CaseScenario.Create(app);

        (await Answer(prober.Jail, await prober.Book(), seen)).Type.ShouldBe("urn:caseflow:problem:event-id-conflict");
    }
}
