using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Wolverine.Http;

namespace CaseFlow.Server.Operations;

/// <summary>A message that kept failing after its retries (a deadline that could not be applied, say).</summary>
public sealed record DeadLetter(Guid Id, string MessageType, string? ExceptionType, string? ExceptionMessage, DateTimeOffset? FailedAt);

/// <summary>Wolverine's dead-letter table, read so that no failed message waits there unseen.</summary>
public sealed class DeadLetterQueue(IDocumentStore store)
{
    private static readonly string Table = $"{PersistenceSetup.SchemaName}.wolverine_dead_letters";

    public async Task<long> Count(CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select count(*) from {Table} where archived_at is null", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<IReadOnlyList<DeadLetter>> Waiting(int limit, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select id, message_type, exception_type, exception_message, failed_at from {Table} where archived_at is null order by failed_at limit $1", connection)
        {
            Parameters = { new() { Value = limit } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(ct))
        {
            letters.Add(new DeadLetter(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return letters;
    }
}

/// <summary>Readiness reports failed messages: the service answers, but something it had to do did not happen.</summary>
public sealed class DeadLetterCheck(DeadLetterQueue queue) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var waiting = await queue.Waiting(100, cancellationToken);
        return waiting.Count == 0
            ? HealthCheckResult.Healthy("No failed messages.")
            : HealthCheckResult.Degraded($"{waiting.Count} message(s) failed after their retries: GET /api/operations/dead-letters.");
    }
}

public static class DeadLettersEndpoint
{
    /// <summary>Messages that failed after their retries, oldest first: for operators to fix the cause and replay.</summary>
    [WolverineGet("/api/operations/dead-letters", Name = "ListDeadLetters")]
    [Authorize(Policy = Policies.Operate)]
    public static Task<IReadOnlyList<DeadLetter>> Get(DeadLetterQueue queue, CancellationToken ct) => queue.Waiting(Paging.MaxLimit, ct);
}
