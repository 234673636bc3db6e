using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using CaseFlow.Server.Queues;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine.Http;

namespace CaseFlow.Server.Operations;

/// <summary>
/// One asynchronous projection shard: how far it got against the daemon's high-water mark and, when it stopped
/// (it never skips an event), why and at which event. <see cref="Pending"/> counts the stored events beyond it and
/// <see cref="LagSeconds"/> is the age of the oldest of them: its lag even when no daemon runs to move the high-water mark.
/// </summary>
public sealed record ShardStatus(
    string Name, long LastSequence, long HighWaterMark, string? AgentStatus, string? PauseReason, string? FailureCategory, long? FailureSequence, string? FailureEventType,
    long Pending, double LagSeconds)
{
    public long Behind => Math.Max(0, HighWaterMark - LastSequence);

    public bool Stopped => AgentStatus == "Paused" || FailureCategory is not null;
}

/// <summary>
/// Reads Marten's progression table (extended tracking on) for readiness and operators: every shard that has a row, and
/// every asynchronous shard this node registers even before its first run (no row yet), at position 0 so its lag is
/// the whole event store: a new shard that never starts is as visible as one that stopped.
/// </summary>
public sealed class ProjectionShards(IDocumentStore store)
{
    private static readonly string Sql =
        $"""
        with shards(name) as (
            select unnest(@registered::text[])
            union
            select name from {PersistenceSetup.SchemaName}.mt_event_progression where name not like 'HighWater%')
        select s.name, coalesce(p.last_seq_id, 0), coalesce(h.last_seq_id, 0), p.agent_status, split_part(p.pause_reason, E'\n', 1),
               p.failure_category, p.failure_event_sequence, p.failure_event_type,
               greatest(0, coalesce((select max(seq_id) from {PersistenceSetup.SchemaName}.mt_events), 0) - coalesce(p.last_seq_id, 0)),
               coalesce(extract(epoch from now() - (select e.timestamp from {PersistenceSetup.SchemaName}.mt_events e
                                                    where e.seq_id > coalesce(p.last_seq_id, 0) order by e.seq_id limit 1))::float8, 0)
        from shards s
        left join {PersistenceSetup.SchemaName}.mt_event_progression p on p.name = s.name
        left join {PersistenceSetup.SchemaName}.mt_event_progression h on h.name = 'HighWaterMark'
        order by s.name
        """;

    public Task<IReadOnlyList<ShardStatus>> All(CancellationToken ct) =>
        Of([.. store.Advanced.AllAsyncProjectionShardNames().Select(n => n.Identity)], ct);

    /// <summary>The shards named in <paramref name="registered"/> and those with a row in the progression table.</summary>
    public async Task<IReadOnlyList<ShardStatus>> Of(IReadOnlyList<string> registered, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("registered", registered.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var shards = new List<ShardStatus>();
        while (await reader.ReadAsync(ct))
        {
            shards.Add(new ShardStatus(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6), Text(reader, 7), reader.GetInt64(8), reader.GetDouble(9)));
        }

        return shards;
    }

    private static string? Text(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) || reader.GetString(column) is { Length: 0 } ? null : reader.GetString(column);
}

/// <summary>
/// Readiness reports a stopped or lagging projection as Degraded, never Unhealthy: the service answers, but a read
/// model (the feed, the queues) no longer moves or trails the writes; a lagging node still serves.
/// </summary>
public sealed class ProjectionCheck(ProjectionLag lag, IOptions<QueueOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var shards = await lag.Sample(cancellationToken);
        var limit = options.Value.LagDegradedAfter.TotalSeconds;
        var problems = shards.Where(s => s.Stopped).Select(s =>
                $"projection {s.Name} stopped at event {s.FailureSequence} ({s.FailureEventType}, {s.FailureCategory}): GET /api/operations/projections")
            .Concat(shards.Where(s => !s.Stopped && s.LagSeconds > limit).Select(s =>
                $"projection {s.Name} is {s.LagSeconds:0} s ({s.Pending} events) behind the writes"))
            .ToList();
        return problems.Count == 0 ? HealthCheckResult.Healthy("Every projection is running.") : HealthCheckResult.Degraded(string.Join("; ", problems));
    }
}

public static class ProjectionsEndpoint
{
    /// <summary>Every asynchronous projection: position, lag behind the high-water mark, and why it stopped if it did.</summary>
    [WolverineGet("/api/operations/projections", Name = "ListProjections")]
    [Authorize(Policy = Policies.Operate)]
    public static Task<IReadOnlyList<ShardStatus>> Get(ProjectionShards shards, CancellationToken ct) => shards.All(ct);
}
