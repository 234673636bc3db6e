using Marten;
using Npgsql;

namespace CaseFlow.Server.Platform;

/// <summary>Plain SQL reads beside Marten's, for the read models' narrow columns.</summary>
public static class StoreRows
{
    /// <summary>Runs <paramref name="sql"/> on a connection of its own and hands each row to <paramref name="row"/>.</summary>
    public static async Task Each(IDocumentStore store, string sql, CancellationToken ct, Action<NpgsqlDataReader> row, params NpgsqlParameter[] parameters)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            row(reader);
    }
}
