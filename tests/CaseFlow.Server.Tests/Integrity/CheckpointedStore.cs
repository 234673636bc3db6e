using Alba;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;

namespace CaseFlow.Server.Tests.Integrity;

/// <summary>
/// A database of the test's own with a node that signs checkpoints into a folder of its own, and a superuser who edits
/// the events table as a tamperer would: with <c>session_replication_role = replica</c>, which no trigger refusing
/// UPDATE or DELETE survives.
/// </summary>
public sealed class CheckpointedStore(AppFixture app, OwnDatabase database, CheckpointSettings checkpoints, IAlbaHost node) : IAsyncDisposable
{
    private IAlbaHost node = node;

    public IAlbaHost Node => node;

    public CheckpointSettings Checkpoints { get; private set; } = checkpoints;

    public string SuperuserConnectionString => database.SuperuserConnectionString;

    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);

    public string Auditor => app.Tokens.For(Roles.Auditor);

    public static async Task<CheckpointedStore> Start(AppFixture app, string purpose)
    {
        var database = await OwnDatabase.Create(app, purpose);
        var checkpoints = CheckpointSettings.Random();
        return new CheckpointedStore(app, database, checkpoints, await database.StartNode(configure: checkpoints.ApplyTo));
    }

    /// <summary>A case with its booking (of <paramref name="subject"/>, when given) and <paramref name="events"/> more events.</summary>
    public async Task<Guid> CaseWithEvents(int events, object? subject = null)
    {
        var caseId = await node.StartCaseWith(Jail, Envelopes.Booking(Envelopes.NewBookingNumber(), subject: subject));
        for (var day = 1; day <= events; day++)
            await node.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(day)));
        return caseId;
    }

    /// <summary>Signs a checkpoint once the daemon's high-water mark has passed every event of the cases.</summary>
    public async Task<IScenarioResult> SignCheckpoint(Guid[] caseIds, int status = 200)
    {
        await node.HighWaterMarkHasPassed(caseIds);
        return await node.Scenario(s =>
        {
            s.Post.Url("/api/audit/checkpoints");
            s.Bearer(Auditor);
            s.StatusCodeShouldBe(status);
        });
    }

    /// <summary>Replaces the node by one started with <paramref name="settings"/> (another key, say), on the same database.</summary>
    public async Task Restart(CheckpointSettings settings)
    {
        await node.StopAsync();
        await node.DisposeAsync();
        node = await database.StartNode(configure: settings.ApplyTo);
        Checkpoints = settings;
    }

    public async Task<StoreVerificationReport> Verify() =>
        await (await node.GetAs(Auditor, "/api/audit/integrity")).ReadAsJsonAsync<StoreVerificationReport>();

    public async Task<long> SequenceOf(Guid stream, long version) =>
        (long)(await Superuser($"select seq_id from {PersistenceSetup.SchemaName}.mt_events where stream_id = @stream and version = @version",
            ("stream", stream), ("version", version)))!;

    /// <summary>Runs <paramref name="sql"/> as a superuser with triggers off, returning its first value.</summary>
    public async Task<object?> Superuser(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.SuperuserConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var replica = new NpgsqlCommand("set session_replication_role = replica", connection))
            await replica.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await node.StopAsync();
        await node.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(Checkpoints.Folder, recursive: true);
    }
}
