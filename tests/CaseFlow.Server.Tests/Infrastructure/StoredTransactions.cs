using CaseFlow.Server.Platform;
using Npgsql;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>How many transactions stored the given events (by the rows' <c>xmin</c>): what was written together.</summary>
public static class StoredTransactions
{
    public static async Task<long> Of(IEnumerable<Guid> eventIds, CancellationToken ct) =>
        await Count("id = any(@ids)", eventIds, ct);

    public static async Task<long> OfStreams(IEnumerable<Guid> streamIds, CancellationToken ct) =>
        await Count("stream_id = any(@ids)", streamIds, ct);

    private static async Task<long> Count(string where, IEnumerable<Guid> ids, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select count(distinct xmin::text) from {PersistenceSetup.SchemaName}.mt_events where {where}", connection)
        {
            Parameters = { new("ids", ids.ToArray()) },
        };
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
