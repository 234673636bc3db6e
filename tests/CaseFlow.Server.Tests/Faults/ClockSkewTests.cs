using System.Net;
using System.Net.Http.Json;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// A node whose own clock runs two hours ahead of the database's or behind it (Debian's <c>faketime</c> on the server
/// process) starts a hold that ends seconds later by the database's clock: the hold expires neither before its
/// deadline, as a node ahead would have it, nor hours after it, as a node behind would. Deadlines are judged on the
/// database's clock.
/// </summary>
public sealed class ClockSkewTests(AppFixture app) : IAsyncLifetime
{
    /// <summary>How long after the warrant's service the hold ends, by the database's clock.</summary>
    private static readonly TimeSpan HoldLeft = TimeSpan.FromSeconds(12);

    /// <summary>
    /// How late an expiry may come: Wolverine's scheduler polls every 5 s, and this machine runs other tests meanwhile.
    /// Two hours, a node behind's lateness, lie far beyond.
    /// </summary>
    private static readonly TimeSpan Punctuality = TimeSpan.FromSeconds(30);

    private OwnDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await OwnDatabase.Create(app, "clock_skew");

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("+2h", 2)]
    [InlineData("-2h", -2)]
    public async Task a_hold_started_by_a_node_with_a_wrong_clock_expires_at_its_deadline_by_the_database_s_clock(string offset, int hours)
    {
        var now = await DatabaseNow();
        var eligible = now - HoldPolicy.Limit - TimeSpan.FromHours(1);
        CaseScenario wso;
        Guid caseId;
        await using (var setup = await _database.StartNode(projections: false))
        {
            wso = await CaseScenario.Create(app, ProgramModel.WSO, node: setup);
            caseId = await wso.Book(referredAt: eligible.AddHours(-3));
            await wso.Decide(caseId, "WarrantReceivedFromIce", new { receivedAt = Envelopes.Instant(eligible.AddHours(-2)), warrantType = "I-200", iceDetainerRef = "ICE-DET-7" });
            await wso.Decide(caseId, "DetainerLodged", new { lodgedAt = Envelopes.Instant(eligible.AddHours(-2)) });
            await wso.Post(caseId, "ReleaseEligible", new { at = Envelopes.Instant(eligible) }, officer: null);
        }

        using var node = await ServerProcess.Start(_database.ConnectionString, app, offset);
        // A token the skewed node takes for current: minted as of its own clock.
        var token = app.Tokens.For(Roles.ScreeningSystem, ori: wso.Ori, expires: DateTime.UtcNow.AddHours(hours).AddMinutes(30));
        using var http = node.Client(token);
        var served = (await DatabaseNow()) - HoldPolicy.Limit + HoldLeft;
        var envelope = GovernanceClient.Envelope("WarrantServed", new { servedAt = Envelopes.Instant(served), warrantType = "I-200" }, served);
        envelope["officerId"] = CaseScenario.Badge;
        using (var answer = await http.PostAsJsonAsync($"/api/cases/{caseId}/events", envelope, Ct))
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync(Ct));

        var deadline = await HoldDeadline(caseId);
        var expiredAt = await ExpiryObserved(caseId, deadline + Punctuality + TimeSpan.FromSeconds(10));
        expiredAt.ShouldNotBeNull($"the hold ending at {deadline:O} had not expired by {deadline + Punctuality:O} (database clock)");
        expiredAt.Value.ShouldBeGreaterThanOrEqualTo(deadline, "the hold expired before its deadline by the database's clock");
        expiredAt.Value.ShouldBeLessThanOrEqualTo(deadline + Punctuality, "the hold expired late by the database's clock");
    }

    private async Task<DateTimeOffset> DatabaseNow()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("select clock_timestamp()", connection);
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(Ct))!, TimeSpan.Zero);
    }

    private async Task<DateTimeOffset> HoldDeadline(Guid caseId)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            $"select (data ->> 'deadline')::timestamptz from {PersistenceSetup.SchemaName}.mt_events where stream_id = @id and type = 'HoldStarted'", connection)
        {
            Parameters = { new("id", caseId) },
        };
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(Ct))!, TimeSpan.Zero);
    }

    /// <summary>
    /// The database's clock when the hold's expiry was first seen committed, looked for every 100 ms until
    /// <paramref name="giveUp"/> on that clock; null when it never was.
    /// </summary>
    private async Task<DateTimeOffset?> ExpiryObserved(Guid caseId, DateTimeOffset giveUp)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            $"select clock_timestamp(), exists (select 1 from {PersistenceSetup.SchemaName}.mt_events where stream_id = @id and type = 'HoldExpired')", connection)
        {
            Parameters = { new("id", caseId) },
        };
        while (true)
        {
            await using var reader = await command.ExecuteReaderAsync(Ct);
            await reader.ReadAsync(Ct);
            var at = new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero);
            if (reader.GetBoolean(1))
                return at;
            if (at > giveUp)
                return null;
            await reader.CloseAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }
    }
}
