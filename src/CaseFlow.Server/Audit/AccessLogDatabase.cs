using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.Server.Audit;

/// <summary>The connections the access log is written and read on: the application's own role, outside Marten's sessions.</summary>
public sealed class AccessLogDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>Stores records in one round trip (binary COPY).</summary>
    public async Task Store(IReadOnlyCollection<AccessRecord> records)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var import = await connection.BeginBinaryImportAsync(
            $"copy {AccessLogTable.Name} ({AccessLogTable.Columns}) from stdin (format binary)");
        foreach (var r in records)
        {
            await import.StartRowAsync();
            await import.WriteAsync(r.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await import.WriteAsync(r.User, NpgsqlDbType.Text);
            await import.WriteAsync(r.Role, NpgsqlDbType.Text);
            await import.WriteAsync(r.Agency, NpgsqlDbType.Text);
            await import.WriteAsync(r.Record, NpgsqlDbType.Text);
            if (r.CaseId is { } caseId)
                await import.WriteAsync(caseId, NpgsqlDbType.Uuid);
            else
                await import.WriteNullAsync();
            await import.WriteAsync(r.Action, NpgsqlDbType.Text);
            await import.WriteAsync(r.Outcome, NpgsqlDbType.Text);
            await import.WriteAsync(r.Source, NpgsqlDbType.Text);
            await import.WriteAsync(r.TraceId, NpgsqlDbType.Text);
        }

        await import.CompleteAsync();
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
