using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Tests.Platform;
using Npgsql;

namespace CaseFlow.Server.Tests.Writing;

/// <summary>
/// A node killed (SIGKILL) while 32 clients' bookings are being committed in shared transactions: every booking it
/// acknowledged is stored, once, with its access record; sent again to a new node, each acknowledged one is a replay
/// and each unanswered one is stored once.
/// </summary>
public sealed class GroupCommitKillTests(AppFixture app) : IAsyncLifetime
{
    private const int Clients = 32;
    private const int AcknowledgedBeforeKill = 200;

    private readonly string _database = $"caseflow_kill_{Guid.NewGuid():N}"[..30];

    private string ConnectionString { get; set; } = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => ConnectionString = await TestDatabases.Create(_database);

    public async ValueTask DisposeAsync() => await TestDatabases.Drop(_database);

    [Fact]
    public async Task a_node_killed_during_grouped_commits_loses_no_acknowledged_booking_and_stores_none_twice()
    {
        var sent = new ConcurrentDictionary<Guid, Dictionary<string, object?>>();
        var acknowledged = new ConcurrentDictionary<Guid, byte>();

        using (var node = await ServerProcess.Start(ConnectionString, app))
        {
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
            {
                using var http = node.Client(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend));
                while (!enough.Task.IsCompleted)
                {
                    var booking = Envelopes.Booking(Envelopes.NewBookingNumber());
                    var eventId = (Guid)booking["eventId"]!;
                    sent[eventId] = booking;
                    try
                    {
                        using var answer = await http.PostAsJsonAsync("/api/bookings", booking, Ct);
                        answer.StatusCode.ShouldBe(HttpStatusCode.Created);
                        acknowledged[eventId] = 0;
                        if (acknowledged.Count >= AcknowledgedBeforeKill)
                            enough.TrySetResult();
                    }
                    catch (HttpRequestException)
                    {
                        return; // the node is gone
                    }
                }
            }, Ct)).ToList();

            await enough.Task.WaitAsync(TimeSpan.FromMinutes(2), Ct);
            node.Kill();
            await Task.WhenAll(clients);
        }

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(Ct);
            var stored = await Counts(connection, [.. sent.Keys]);
            acknowledged.Keys.ShouldAllBe(id => stored.ContainsKey(id), "an acknowledged booking was lost");
            stored.Values.ShouldAllBe(count => count == 1, "an event is stored twice");
            (await Scalar(connection, $"select count(distinct xmin::text) from {PersistenceSetup.SchemaName}.mt_events where id = any(@ids)", [.. sent.Keys]))
                .ShouldBeLessThan(stored.Count, "no two bookings shared a transaction: nothing was grouped");
            (await Scalar(connection, $"""
                select count(*) from {PersistenceSetup.SchemaName}.mt_events e
                where e.id = any(@ids)
                  and not exists (select 1 from {AccessLogTable.Name} a where a.xmin = e.xmin and a.case_id = e.stream_id and a.outcome = 'appended')
                """, [.. sent.Keys])).ShouldBe(0, "a booking was stored without its access record");
        }

        using var restarted = await ServerProcess.Start(ConnectionString, app);
        using var again = restarted.Client(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend));
        foreach (var (eventId, booking) in sent)
        {
            using var answer = await again.PostAsJsonAsync("/api/bookings", booking, Ct);
            answer.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Created);
            if (acknowledged.ContainsKey(eventId))
                answer.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        }

        await using var after = new NpgsqlConnection(ConnectionString);
        await after.OpenAsync(Ct);
        var final = await Counts(after, [.. sent.Keys]);
        final.Keys.ShouldBe(sent.Keys, ignoreOrder: true);
        final.Values.ShouldAllBe(count => count == 1);
    }

    /// <summary>How often each of the events is stored.</summary>
    private static async Task<Dictionary<Guid, long>> Counts(NpgsqlConnection connection, Guid[] ids)
    {
        await using var command = new NpgsqlCommand(
            $"select id, count(*) from {PersistenceSetup.SchemaName}.mt_events where id = any(@ids) group by id", connection) { Parameters = { new("ids", ids) } };
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var counts = new Dictionary<Guid, long>();
        while (await reader.ReadAsync(Ct))
            counts[reader.GetGuid(0)] = reader.GetInt64(1);
        return counts;
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql, Guid[] ids)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("ids", ids) } };
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
