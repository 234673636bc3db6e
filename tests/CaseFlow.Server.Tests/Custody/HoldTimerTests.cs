using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Custody;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Wolverine;
using Wolverine.Tracking;

namespace CaseFlow.Server.Tests.Custody;

/// <summary>
/// Holds expire by themselves: the deadline is a durable scheduled message written with the HoldStarted, fired once.
/// These tests run a second CaseFlow node on the same database with a clock of their own.
/// </summary>
public sealed class HoldTimerTests(AppFixture app) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private IAlbaHost _node = null!;

    public async ValueTask InitializeAsync() =>
        _node = await app.StartNode(x => x.ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock)));

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    /// <summary>A WSO case with ICE's warrant and detainer on file and the person release-eligible at <paramref name="eligible"/>.</summary>
    private async Task<(CaseScenario Wso, Guid CaseId)> ReleaseEligible(DateTimeOffset eligible)
    {
        var wso = await CaseScenario.Create(app, ProgramModel.WSO);
        var caseId = await wso.Book(referredAt: eligible.AddHours(-3));
        await wso.Decide(caseId, "WarrantReceivedFromIce", new { receivedAt = Envelopes.Instant(eligible.AddHours(-2)), warrantType = "I-200", iceDetainerRef = "ICE-DET-9" });
        await wso.Decide(caseId, "DetainerLodged", new { lodgedAt = Envelopes.Instant(eligible.AddHours(-2)) });
        // Through this node, so its case-event endpoint is compiled before the hold is written.
        await _node.Post(wso.Jail, $"/api/cases/{caseId}/events", GovernanceClient.Envelope("ReleaseEligible", new { at = Envelopes.Instant(eligible) }, eligible), 200);
        return (wso, caseId);
    }

    /// <summary>The officer serves the warrant at <paramref name="at"/>: the detainer takes effect and CaseFlow starts the hold. Answers the hold's event id.</summary>
    private async Task<Guid> ServeWarrant(CaseScenario wso, Guid caseId, DateTimeOffset at)
    {
        var envelope = GovernanceClient.Envelope("WarrantServed", new { servedAt = Envelopes.Instant(at), warrantType = "I-200" }, at);
        envelope["officerId"] = CaseScenario.Badge;
        var served = await (await _node.Post(wso.Jail, $"/api/cases/{caseId}/events", envelope, 200)).ReadAsJsonAsync<AppendResult>();
        return served.AppendedByCaseFlow.Single(e => e.Type == nameof(HoldStarted)).EventId;
    }

    private async Task<int> Expiries(Guid caseId)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(caseId, token: TestContext.Current.CancellationToken)).Count(e => e.Data is HoldExpired);
    }

    [Fact]
    public async Task the_deadline_is_scheduled_with_the_hold_and_expires_it_exactly_once()
    {
        var eligible = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds());
        var (wso, caseId) = await ReleaseEligible(eligible);

        var hold = Guid.Empty;
        var tracked = await _node.TrackActivity().ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ => hold = await ServeWarrant(wso, caseId, eligible)));

        var scheduled = tracked.Scheduled.SingleEnvelope<HoldDeadlineReached>();
        var deadline = eligible + HoldPolicy.Limit;
        scheduled.Message.ShouldBe(new HoldDeadlineReached(caseId, hold, deadline));
        scheduled.ScheduledTime.ShouldBe(deadline);

        _clock.Advance(HoldPolicy.Limit);
        await tracked.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(60));

        (await Expiries(caseId)).ShouldBe(1);
        (await wso.Summary(caseId)).Status.ShouldBe(CaseStatus.HoldExpired);

        // Delivered again (a retry, another node's scheduler): nothing more is appended.
        await _node.InvokeMessageAndWaitAsync(new HoldDeadlineReached(caseId, hold, deadline));
        (await Expiries(caseId)).ShouldBe(1);
    }

    [Fact]
    public async Task a_hold_met_by_transfer_before_its_deadline_does_not_expire()
    {
        var eligible = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds());
        var (wso, caseId) = await ReleaseEligible(eligible);
        var hold = await ServeWarrant(wso, caseId, eligible);
        await wso.Post(caseId, "CustodyTransferredToIce", new { at = CaseScenario.Now(), iceOffice = "ERO San Francisco" }, officer: null);

        _clock.Advance(HoldPolicy.Limit);
        await _node.InvokeMessageAndWaitAsync(new HoldDeadlineReached(caseId, hold, eligible + HoldPolicy.Limit));

        (await Expiries(caseId)).ShouldBe(0);
        (await wso.Summary(caseId)).Status.ShouldBe(CaseStatus.TransferredToIce);
    }

    [Fact]
    public async Task a_deadline_early_by_the_clock_is_scheduled_again_for_itself()
    {
        var eligible = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds());
        var (wso, caseId) = await ReleaseEligible(eligible);
        var hold = await ServeWarrant(wso, caseId, eligible);
        var deadline = eligible + HoldPolicy.Limit;

        var early = await _node.InvokeMessageAndWaitAsync(new HoldDeadlineReached(caseId, hold, deadline));

        var again = early.Scheduled.SingleEnvelope<HoldDeadlineReached>();
        again.Message.ShouldBe(new HoldDeadlineReached(caseId, hold, deadline));
        again.ScheduledTime.ShouldBe(deadline);
        (await Expiries(caseId)).ShouldBe(0);
        (await wso.Summary(caseId)).Status.ShouldBe(CaseStatus.HoldActive);
    }

    [Fact]
    public async Task a_later_hold_with_the_same_deadline_gets_its_own_timer_and_expires_too()
    {
        var eligible = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds());
        var deadline = eligible + HoldPolicy.Limit;
        var (wso, caseId) = await ReleaseEligible(eligible);
        var first = await ServeWarrant(wso, caseId, eligible);
        _clock.Advance(HoldPolicy.Limit);
        await _node.InvokeMessageAndWaitAsync(new HoldDeadlineReached(caseId, first, deadline));
        var served = await History(caseId, "WarrantServed");

        // The warrant was served on the wrong person: voiding it withdraws the hold and its expiry; served again, at the same instant.
        await wso.Post(caseId, "EventVoided", new { voidedEventId = served, reason = "served on the wrong person" }, officer: null);
        (await wso.Summary(caseId)).Status.ShouldBe(CaseStatus.AwaitingRelease);
        var second = await ServeWarrant(wso, caseId, eligible);
        await _node.InvokeMessageAndWaitAsync(new HoldDeadlineReached(caseId, first, deadline));
        (await Expiries(caseId)).ShouldBe(1);
        await _node.InvokeMessageAndWaitAsync(new HoldDeadlineReached(caseId, second, deadline));

        second.ShouldNotBe(first);
        (await Expiries(caseId)).ShouldBe(2);
        (await wso.Summary(caseId)).Status.ShouldBe(CaseStatus.HoldExpired);
    }

    private async Task<Guid> History(Guid caseId, string type)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(caseId, token: TestContext.Current.CancellationToken)).Last(e => e.EventTypeName == type).Id;
    }

    [Fact]
    public async Task the_deadline_is_written_in_the_same_transaction_as_the_hold_and_outlives_the_node_that_set_it()
    {
        var (wso, caseId) = await ReleaseEligible(DateTimeOffset.UtcNow - HoldPolicy.Limit - TimeSpan.FromHours(1));
        var sameTransaction = false;

        // The warrant's service starts a hold that ends a few seconds after it is written (measured from just before):
        // this node writes it and stops within the session, so the deadline can only be fired by the fixture's host.
        await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(90))
            .WaitForMessageToBeReceivedAt<HoldDeadlineReached>(app.Host)
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            {
                await ServeWarrant(wso, caseId, DateTimeOffset.UtcNow - HoldPolicy.Limit + TimeSpan.FromSeconds(10));
                sameTransaction = await SameTransaction(caseId);
                await _node.StopAsync(TestContext.Current.CancellationToken);
            }));

        sameTransaction.ShouldBeTrue();
        (await Expiries(caseId)).ShouldBe(1);
    }

    /// <summary>Whether the scheduled deadline's row and the HoldStarted event were written by one transaction.</summary>
    private static async Task<bool> SameTransaction(Guid caseId)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var schema = PersistenceSetup.SchemaName;
        await using var command = new NpgsqlCommand(
            $"""
            select count(*) from {schema}.wolverine_incoming_envelopes w join {schema}.mt_events e on e.xmin = w.xmin
            where e.stream_id = @id and e.type = 'HoldStarted' and w.status = 'Scheduled' and w.message_type like '%HoldDeadlineReached%'
            """, connection)
        {
            Parameters = { new("id", caseId) },
        };
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 1;
    }
}
