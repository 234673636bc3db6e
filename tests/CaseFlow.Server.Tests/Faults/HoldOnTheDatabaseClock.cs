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
/// A WSO case whose detainer is lodged and whose subject has been eligible for release longer than the hold limit, so
/// that serving the warrant starts a hold ending seconds later by the database's clock; and what the database saw of
/// that hold's expiry. Shared by the fault tests of deadlines (a node's clock off, a node killed).
/// </summary>
public sealed class HoldOnTheDatabaseClock(AppFixture app, OwnDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string _ori = null!;

    public Guid CaseId { get; private set; }

    /// <summary>Books the case and lodges its detainer through an in-process node of its own, then stops that node.</summary>
    public async Task Prepare()
    {
        var eligible = await DatabaseNow() - HoldPolicy.Limit - TimeSpan.FromHours(1);
        await using var setup = await database.StartNode(projections: false);
        var wso = await CaseScenario.Create(app, ProgramModel.WSO, node: setup);
        _ori = wso.Ori;
        CaseId = await wso.Book(referredAt: eligible.AddHours(-3));
        await wso.Decide(CaseId, "WarrantReceivedFromIce", new { receivedAt = Envelopes.Instant(eligible.AddHours(-2)), warrantType = "I-200", iceDetainerRef = "ICE-DET-7" });
        await wso.Decide(CaseId, "DetainerLodged", new { lodgedAt = Envelopes.Instant(eligible.AddHours(-2)) });
        await wso.Post(CaseId, "ReleaseEligible", new { at = Envelopes.Instant(eligible) }, officer: null);
    }

    /// <summary>The jail's token for <paramref name="node"/>, valid by the node's own clock <paramref name="hoursAhead"/> off.</summary>
    public HttpClient JailClient(ServerProcess node, int hoursAhead = 0) =>
        node.Client(app.Tokens.For(Roles.ScreeningSystem, ori: _ori, expires: DateTime.UtcNow.AddHours(hoursAhead).AddMinutes(30)));

    /// <summary>Serves the warrant through <paramref name="jail"/> so that the hold ends <paramref name="left"/> from now by the database's clock; answers its deadline.</summary>
    public async Task<DateTimeOffset> ServeWarrant(HttpClient jail, TimeSpan left)
    {
        var served = await DatabaseNow() - HoldPolicy.Limit + left;
        var envelope = GovernanceClient.Envelope("WarrantServed", new { servedAt = Envelopes.Instant(served), warrantType = "I-200" }, served);
        envelope["officerId"] = CaseScenario.Badge;
        using (var answer = await jail.PostAsJsonAsync($"/api/cases/{CaseId}/events", envelope, Ct))
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync(Ct));
        return (await Scalar<DateTime>($"select (data ->> 'deadline')::timestamptz from {Events} where stream_id = @id and type = 'HoldStarted'")).AsUtc();
    }

    /// <summary>
    /// The database's clock when the hold's expiry was first seen committed, looked for every 100 ms until
    /// <paramref name="giveUp"/> on that clock; null when it never was.
    /// </summary>
    public async Task<DateTimeOffset?> ExpiryObserved(DateTimeOffset giveUp)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(
            $"select clock_timestamp(), exists (select 1 from {Events} where stream_id = @id and type = 'HoldExpired')", connection)
        {
            Parameters = { new("id", CaseId) },
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

    public async Task<long> Expiries() =>
        await Scalar<long>($"select count(*) from {Events} where stream_id = @id and type = 'HoldExpired'");

    public async Task<DateTimeOffset> DatabaseNow() => (await Scalar<DateTime>("select clock_timestamp()", ofTheCase: false)).AsUtc();

    private static string Events => $"{PersistenceSetup.SchemaName}.mt_events";

    private async Task<T> Scalar<T>(string sql, bool ofTheCase = true)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(sql, connection);
        if (ofTheCase)
            command.Parameters.Add(new("id", CaseId));
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task<NpgsqlConnection> Open()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }
}

internal static class UtcInstants
{
    public static DateTimeOffset AsUtc(this DateTime value) => new(value, TimeSpan.Zero);
}
