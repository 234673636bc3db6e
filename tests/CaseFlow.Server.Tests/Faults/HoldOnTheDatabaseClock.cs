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
public sealed class HoldOnTheDatabaseClock(AppFixture app, OwnDatabase database) : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string _ori = null!;
    private CommitSignal? _expired;

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
        _expired = await CommitSignal.Listen(database, "hold_expired", Events, $"new.stream_id = '{CaseId}' and new.type = 'HoldExpired'");
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
    /// The database's clock when the hold's expiry was written, once it has committed; null when none committed before
    /// <paramref name="giveUp"/> on that clock.
    /// </summary>
    public async Task<DateTimeOffset?> ExpiryObserved(DateTimeOffset giveUp) =>
        await _expired!.Committed(giveUp - await DatabaseNow());

    public async Task<long> Expiries() =>
        await Scalar<long>($"select count(*) from {Events} where stream_id = @id and type = 'HoldExpired'");

    public async Task<DateTimeOffset> DatabaseNow() => (await Scalar<DateTime>("select clock_timestamp()", ofTheCase: false)).AsUtc();

    public async ValueTask DisposeAsync()
    {
        if (_expired is not null)
            await _expired.DisposeAsync();
    }

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
