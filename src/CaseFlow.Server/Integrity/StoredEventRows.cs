using CaseFlow.Server.Platform;
using Marten;
using Npgsql;

namespace CaseFlow.Server.Integrity;

/// <summary>A stored event exactly as PostgreSQL holds it: data and headers as JSON text, not read back into objects.</summary>
public sealed record StoredEventRow(
    Guid Id, long Version, string Type, string DataJson, string HeadersJson, DateTimeOffset RecordedAt, string? CorrelationId, string? CausationId);

/// <summary>Reads a stream's stored rows in version order: what auditors replay and what the chain is verified over.</summary>
public sealed class StoredEventRows(IDocumentStore store)
{
    private static readonly string Sql =
        "select id, version, type, data::text, coalesce(headers::text, '{}'), timestamp, correlation_id, causation_id " +
        $"from {PersistenceSetup.SchemaName}.mt_events where stream_id = $1 and version > $2 order by version limit $3";

    public async Task<IReadOnlyList<StoredEventRow>> ForStream(Guid streamId, long afterVersion, int limit, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters = { new() { Value = streamId }, new() { Value = afterVersion }, new() { Value = limit } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<StoredEventRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new StoredEventRow(
                reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return rows;
    }
}
