using System.Text.Json;
using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Writing;

/// <summary>Many cases in one transaction: every request answered as if alone, one bad request never failing its neighbours.</summary>
public class GroupWriteTests(AppFixture app)
{
    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private EventWriter Writer => app.Host.Services.GetRequiredService<EventWriter>();

    private sealed record Result(int Index, Guid? EventId, string Status, Guid? CaseId, long? Version, JsonElement? Problem, JsonElement? AppendedByCaseFlow = null, long? Position = null);

    private sealed record Answer(List<Result> Results);

    /// <summary>A plan whose side write fails the commit it is in.</summary>
    private sealed class Poison(Guid caseId, IncomingEvent incoming) : WritePlan<CaseFile>(caseId, incoming, EventWriter.CaseFlowItself)
    {
        public override Decision Decide(CaseFile? state) => Decision.Accept(new ScheduledReleaseSet(DateTimeOffset.UtcNow.AddDays(3), "poison"));

        public override void AlongWith(IDocumentSession session) => session.QueueSqlCommand("select 1 / 0");
    }

    private static WritePlan ReleaseOn(Guid caseId, Guid eventId) => ReleaseAt(caseId, eventId, DateTimeOffset.UtcNow.AddDays(5));

    private static WritePlan ReleaseAt(Guid caseId, Guid eventId, DateTimeOffset at, Func<CaseFile, bool>? onlyAfter = null) =>
        WritePlan<CaseFile>.Of(caseId, IncomingEvent.System(eventId, caseId, nameof(ScheduledReleaseSet), DateTimeOffset.UtcNow), EventWriter.CaseFlowItself,
            state => onlyAfter is null || onlyAfter(state!)
                ? Decision.Accept(new ScheduledReleaseSet(at, "group"))
                : Decision.Refuse(new Refusal("test-order", "Judged before the write it follows", "")));

    [Fact]
    public async Task a_chain_of_one_case_s_writes_is_judged_in_order_in_one_transaction_and_ends_at_a_refusal()
    {
        var caseId = await app.Host.StartCase(Jail);
        var other = await app.Host.StartCase(Jail);
        var (first, second) = (DateTimeOffset.UtcNow.AddDays(3), DateTimeOffset.UtcNow.AddDays(4));
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        IReadOnlyList<WritePlan> chain =
        [
            ReleaseAt(caseId, ids[0], first),
            // Accepted only if judged on the state the first write left, which is not committed yet.
            ReleaseAt(caseId, ids[1], second, state => state.ScheduledRelease == first && state.Version == 2),
            ReleaseAt(caseId, ids[2], first, state => state.ScheduledRelease == first),
            ReleaseAt(caseId, ids[3], first),
        ];

        var outcomes = await Writer.WriteChains([chain, [ReleaseOn(other, ids[4])]], Ct);

        outcomes[0].Select(o => o.GetType()).ShouldBe([typeof(WriteOutcome.Appended), typeof(WriteOutcome.Appended), typeof(WriteOutcome.Refused)]);
        outcomes[0].OfType<WriteOutcome.Appended>().Select(o => o.Result.Version).ShouldBe([2L, 3L]);
        outcomes[1].Single().ShouldBeOfType<WriteOutcome.Appended>();
        (await StoredTransactions.Of([ids[0], ids[1], ids[4]], Ct)).ShouldBe(1);
        await using var session = app.Store.QuerySession();
        var stored = await session.Events.FetchStreamAsync(caseId, token: Ct);
        stored.Skip(1).Select(e => e.Id).ShouldBe([ids[0], ids[1]]);
        var file = await session.LoadAsync<CaseFile>(caseId, Ct);
        (file!.ScheduledRelease, file.Version, file.ChainHead).ShouldBe((second, 3L, stored[^1].GetHeader(EventHeaders.Hash)!.ToString()!));
        (await new ChainVerifier(new StoredEventRows(app.Store)).Verify(caseId, Ct)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task a_poison_write_in_a_chain_is_answered_alone_after_the_writes_before_it_commit_and_ends_the_chain()
    {
        var caseId = await app.Host.StartCase(Jail);
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        IReadOnlyList<WritePlan> chain =
        [
            ReleaseOn(caseId, ids[0]), ReleaseOn(caseId, ids[1]),
            new Poison(caseId, IncomingEvent.System(ids[2], caseId, nameof(ScheduledReleaseSet), DateTimeOffset.UtcNow)), ReleaseOn(caseId, ids[3]),
        ];

        var outcomes = (await Writer.WriteChains([chain], Ct)).Single();

        outcomes.Select(o => o.GetType()).ShouldBe([typeof(WriteOutcome.Appended), typeof(WriteOutcome.Appended), typeof(WriteOutcome.Failed)]);
        await using var session = app.Store.QuerySession();
        (await session.Events.FetchStreamAsync(caseId, token: Ct)).Skip(1).Select(e => e.Id).ShouldBe([ids[0], ids[1]]);
        (await new ChainVerifier(new StoredEventRows(app.Store)).Verify(caseId, Ct)).Intact.ShouldBeTrue();
    }

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

        var outcomes = (await Writer.WriteChains([.. plans.Select(plan => (IReadOnlyList<WritePlan>)[plan])], Ct)).Select(chain => chain.Single()).ToList();

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
        // The three bookings after the culprit's half were written together.
        (await StoredTransactions.OfStreams(results.Where(r => r.Status == "applied").Select(r => r.CaseId!.Value).Skip(1), Ct)).ShouldBe(1);
    }
}
