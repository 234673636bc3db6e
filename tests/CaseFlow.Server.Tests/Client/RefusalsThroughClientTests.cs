using CaseFlow.Client.Generated;
using CaseFlow.Client.Generated.Models;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Client;

/// <summary>Refusals arrive through the generated client as its typed <see cref="Problem"/>, with CaseFlow's stable type.</summary>
public class RefusalsThroughClientTests(AppFixture app)
{
    private static async Task<Problem> Refused(Func<CancellationToken, Task> call) =>
        await Should.ThrowAsync<Problem>(() => call(TestContext.Current.CancellationToken));

    private static async Task<(CaseScenario Jem, CaseFlowApiClient Jail, Guid CaseId)> Booked(AppFixture app)
    {
        var jem = await CaseScenario.Create(app);
        var jail = app.Client(jem.Jail);
        return (jem, jail, await jail.Book(jem.Ori, Envelopes.NewBookingNumber(), ProgramModel.JEM, DateTimeOffset.UtcNow.AddHours(-3), "A034567890"));
    }

    private static CaseEventEnvelope Opened(DateTimeOffset at) => new()
    {
        ScreeningOpenedEnvelope = new()
        {
            EventId = Guid.NewGuid(), Type = ScreeningOpenedEnvelope_type.ScreeningOpened, OccurredAt = at, OfficerId = CaseScenario.Badge, Data = new() { OpenedAt = at },
        },
    };

    [Fact]
    public async Task a_stale_if_match_is_412()
    {
        var (_, jail, caseId) = await Booked(app);
        var at = DateTimeOffset.UtcNow.AddMinutes(-60);
        var problem = await Refused(ct => jail.Api.Cases[caseId].Events.PostAsync(Opened(at), c => c.Headers.Add("If-Match", "\"7\""), ct));

        (problem.Status, problem.Type).ShouldBe((412, "urn:caseflow:problem:stale-version"));
    }

    [Fact]
    public async Task an_event_id_used_again_for_other_content_is_409()
    {
        var (_, jail, caseId) = await Booked(app);
        var at = DateTimeOffset.UtcNow.AddMinutes(-60);
        var opened = await jail.Post(caseId, Opened(at));
        var reused = Opened(at.AddMinutes(1));
        reused.ScreeningOpenedEnvelope!.EventId = opened.EventId;

        var problem = await Refused(ct => jail.Api.Cases[caseId].Events.PostAsync(reused, cancellationToken: ct));

        (problem.Status, problem.Type, problem.Retryable).ShouldBe((409, "urn:caseflow:problem:event-id-conflict", false));
    }

    [Fact]
    public async Task a_step_the_case_is_not_ready_for_is_422()
    {
        var (_, jail, caseId) = await Booked(app);
        var at = DateTimeOffset.UtcNow.AddMinutes(-60);

        var problem = await Refused(ct => jail.Api.Cases[caseId].Events.PostAsync(
            new() { DetainerLodgedEnvelope = new() { EventId = Guid.NewGuid(), Type = DetainerLodgedEnvelope_type.DetainerLodged, OccurredAt = at, OfficerId = CaseScenario.Badge,
                Data = new() { LodgedAt = at } } }, cancellationToken: ct));

        (problem.Status, problem.Type).ShouldBe((422, "urn:caseflow:problem:out-of-sequence"));
        problem.Message.ShouldBe(problem.Detail, "the exception's message is the problem's detail");
        problem.Detail.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task a_case_the_caller_cannot_see_is_404()
    {
        var (jem, _, _) = await Booked(app);

        var problem = await Refused(ct => app.Client(jem.Jail).Api.Cases[Guid.NewGuid()].GetAsync(cancellationToken: ct));

        (problem.Status, problem.Type).ShouldBe((404, "urn:caseflow:problem:case-not-found"));
    }

    [Fact]
    public async Task a_call_without_a_valid_token_is_401()
    {
        var problem = await Refused(ct => app.Client("not-a-token").Api.Cases[Guid.NewGuid()].GetAsync(cancellationToken: ct));

        (problem.Status, problem.Type).ShouldBe((401, "urn:caseflow:problem:unauthenticated"));
    }
}
