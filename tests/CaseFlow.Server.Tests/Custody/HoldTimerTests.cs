using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Custody;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;
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
        await wso.Post(caseId, "ReleaseEligible", new { at = Envelopes.Instant(eligible) }, officer: null, occurredAt: eligible);
        return (wso, caseId);
    }

    private Task<IScenarioResult> StartHold(CaseScenario wso, Guid caseId, DateTimeOffset from) =>
        _node.Post(wso.Jail, $"/api/cases/{caseId}/events", GovernanceClient.Envelope("HoldStarted", new { from = Envelopes.Instant(from) }, from), 200);

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

        var tracked = await _node.TrackActivity().ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => StartHold(wso, caseId, eligible)));

        var scheduled = tracked.Scheduled.SingleEnvelope<HoldDeadlineReached>();
        var deadline = eligible + HoldPolicy.Limit;
        scheduled.Message.ShouldBe(new HoldDeadlineReached(caseId, deadline));
        scheduled.ScheduledTime.ShouldBe(deadline);

        _clock.Advance(HoldPolicy.Limit);
        await tracked.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(10));
        await _node.InvokeMessageAndWaitAsync(new HoldDeadlineReached(caseId, deadline));

        (await Expiries(caseId)).ShouldBe(1);
        (await wso.Summary(caseId)).Status.ShouldBe(CaseStatus.HoldExpired);
    }

    [Fact]
    public async Task a_hold_met_by_transfer_before_its_deadline_does_not_expire()
    {
        var eligible = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds());
        var (wso, caseId) = await ReleaseEligible(eligible);
        await StartHold(wso, caseId, eligible);
        await wso.Post(caseId, "CustodyTransferredToIce", new { at = CaseScenario.Now(), iceOffice = "ERO San Francisco" }, officer: null);

        _clock.Advance(HoldPolicy.Limit);
        await _node.InvokeMessageAndWaitAsync(new HoldDeadlineReached(caseId, eligible + HoldPolicy.Limit));

        (await Expiries(caseId)).ShouldBe(0);
        (await wso.Summary(caseId)).Status.ShouldBe(CaseStatus.TransferredToIce);
    }

    [Fact]
    public async Task a_deadline_early_by_the_clock_waits_for_itself()
    {
        var eligible = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds());
        var (wso, caseId) = await ReleaseEligible(eligible);
        await StartHold(wso, caseId, eligible);

        await _node.InvokeMessageAndWaitAsync(new HoldDeadlineReached(caseId, eligible + HoldPolicy.Limit));

        (await Expiries(caseId)).ShouldBe(0);
        (await wso.Summary(caseId)).Status.ShouldBe(CaseStatus.HoldActive);
    }

    [Fact]
    public async Task the_deadline_is_written_in_the_same_transaction_as_the_hold_and_outlives_the_node_that_set_it()
    {
        // The hold ends three seconds from now on the database's clock: this node sets it and stops; another fires it.
        var eligible = DateTimeOffset.UtcNow - HoldPolicy.Limit + TimeSpan.FromSeconds(3);
        var (wso, caseId) = await ReleaseEligible(eligible);
        await StartHold(wso, caseId, eligible);
        (await SameTransaction(caseId)).ShouldBeTrue();
        await _node.StopAsync(TestContext.Current.CancellationToken);

        await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(45))
            .WaitForMessageToBeReceivedAt<HoldDeadlineReached>(app.Host)
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => Task.CompletedTask));

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
