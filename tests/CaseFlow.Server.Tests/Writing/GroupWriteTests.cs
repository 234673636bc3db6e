using System.Text.Json;
using Alba;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseFlow.Server.Tests.Writing;

/// <summary>Many cases in one transaction: every request answered as if alone, one bad request never failing its neighbours.</summary>
public class GroupWriteTests(AppFixture app)
{
    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Result(int Index, Guid? EventId, string Status, Guid? CaseId, long? Version, JsonElement? Problem, JsonElement? AppendedByCaseFlow = null, long? Position = null);

    private sealed record Answer(List<Result> Results);

    /// <summary>A plan whose side write fails the commit it is in.</summary>
    private sealed class Poison(Guid caseId, IncomingEvent incoming) : WritePlan<CaseFile>(caseId, incoming, EventWriter.CaseFlowItself)
    {
        public override Decision Decide(CaseFile? state) => Decision.Accept(new ScheduledReleaseSet(DateTimeOffset.UtcNow.AddDays(3), "poison"));

        public override void AlongWith(IDocumentSession session) => session.QueueSqlCommand("select 1 / 0");
    }

    private static WritePlan ReleaseOn(Guid caseId, Guid eventId) =>
        WritePlan<CaseFile>.Of(caseId, IncomingEvent.System(eventId, caseId, nameof(ScheduledReleaseSet), DateTimeOffset.UtcNow), EventWriter.CaseFlowItself,
            _ => Decision.Accept(new ScheduledReleaseSet(DateTimeOffset.UtcNow.AddDays(5), "group")));

    [Fact]
    public async Task a_poison_write_in_a_group_is_answered_alone_while_the_others_commit()
    {
        var cases = new List<Guid>();
        for (var i = 0; i < 5; i++)
            cases.Add(await app.Host.StartCase(Jail));
        var ids = cases.Select(_ => Guid.NewGuid()).ToList();
        var plans = cases.Select((caseId, i) => i == 2
            ? new Poison(caseId, IncomingEvent.System(ids[i], caseId, nameof(ScheduledReleaseSet), DateTimeOffset.UtcNow))
            : ReleaseOn(caseId, ids[i])).ToList();

        var outcomes = await app.Host.Services.GetRequiredService<EventWriter>().WriteGroup(plans, Ct);

        outcomes[2].ShouldBeOfType<WriteOutcome.Failed>();
        outcomes.Where((_, i) => i != 2).ShouldAllBe(o => o is WriteOutcome.Appended);
        await using var session = app.Store.QuerySession();
        for (var i = 0; i < cases.Count; i++)
        {
            var stored = await session.Events.FetchStreamAsync(cases[i], token: Ct);
            stored.Select(e => e.Id).ShouldBe(i == 2 ? [stored[0].Id] : [stored[0].Id, ids[i]]);
        }
    }

    [Fact]
    public async Task one_round_of_a_batch_mixes_replays_refusals_conflicts_and_accepted_events_and_the_accepted_share_one_transaction()
    {
        var repeated = Envelopes.Booking(Envelopes.NewBookingNumber());
        await app.Host.PostBooking(Jail, repeated);
        var fresh = Enumerable.Range(0, 4).Select(_ => Envelopes.Booking(Envelopes.NewBookingNumber())).ToList();
        // Another case's booking under the first fresh booking's event id: both are new when looked up, so the group's
        // commit fails on the unique event id and the group is written again in halves.
        var reusedId = new Dictionary<string, object?>(Envelopes.Booking(Envelopes.NewBookingNumber())) { ["eventId"] = fresh[0]["eventId"] };
        var unknownCase = CaseId.For(Agencies.FortBend, Envelopes.NewBookingNumber());
        var refused = new Dictionary<string, object?>(Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(2))) { ["caseId"] = unknownCase };

        var result = await app.Host.Post(Jail, "/api/events/batch", new { events = new object[] { fresh[0], repeated, refused, reusedId, fresh[1], fresh[2], fresh[3] } }, 200);
        var results = (await result.ReadAsJsonAsync<Answer>()).Results;

        results.Select(r => r.Status).ShouldBe(["applied", "replayed", "refused", "conflict", "applied", "applied", "applied"]);
        results[2].Problem!.Value.GetProperty("status").GetInt32().ShouldBe(404);
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            $"select count(distinct xmin::text) from {PersistenceSetup.SchemaName}.mt_events where stream_id = any(@ids)", connection)
        {
            Parameters = { new("ids", results.Where(r => r.Status == "applied").Select(r => r.CaseId!.Value).Skip(1).ToArray()) },
        };
        // The three bookings after the culprit's half were written together.
        ((long)(await command.ExecuteScalarAsync(Ct))!).ShouldBe(1);
    }
}
