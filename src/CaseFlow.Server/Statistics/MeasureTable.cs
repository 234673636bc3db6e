using CaseFlow.Domain;
using CaseFlow.Server.Platform;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.Server.Statistics;

/// <summary>A measure's count over a cell, with the exact median and 90th percentile of its durations (null without any).</summary>
public sealed record MeasureCell(int Count, TimeSpan? Median, TimeSpan? P90);

/// <summary>
/// The case measures of one fiscal year within one roll-up, aggregated in SQL from the fact rows: counted by measure,
/// breakdown key and month, with every roll-up of key and month (a null <c>Key</c> or <c>Month</c> is "all"), and the
/// durations' percentiles computed exactly with <c>percentile_disc</c> over the cell's own facts.
/// </summary>
public sealed class MeasureTable(IReadOnlyDictionary<(string Measure, string? Key, string? Month), MeasureCell> cells)
{
    private static readonly string Sql =
        $"""
        select f.measure, f.key, f.month, grouping(f.key) = 1, grouping(f.month) = 1, count(*)::int,
               percentile_disc(0.5) within group (order by f.seconds), percentile_disc(0.9) within group (order by f.seconds)
        from {PersistenceSetup.SchemaName}.mt_doc_casestatisticsrow d
        cross join lateral jsonb_to_recordset(d.fact_rows) as f(measure text, key text, month text, "fiscalYear" int, seconds bigint)
        where d.fiscal_years @> array[@fy]
          and f."fiscalYear" = @fy
          and (@all or d.ori = any(@oris))
          and (@model::varchar is null or d.model = @model)
        group by grouping sets ((f.measure, f.key, f.month), (f.measure, f.month), (f.measure, f.key), (f.measure))
        """;

    public MeasureCell this[string measure, string? month, string? key = null] =>
        cells.GetValueOrDefault((measure, key, month)) ?? new MeasureCell(0, null, null);

    /// <summary>The breakdown of a measure by key over a month (or the whole year when null), largest first.</summary>
    public IEnumerable<(string Key, int Count)> Breakdown(string measure, string? month) =>
        cells.Where(c => c.Key.Measure == measure && c.Key.Month == month && c.Key.Key is not null)
            .Select(c => (c.Key.Key!, c.Value.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Item1, StringComparer.Ordinal);

    /// <param name="oris">The agencies of the roll-up; null for the nation (every agency).</param>
    public static async Task<MeasureTable> Read(IDocumentStore store, int fiscalYear, IReadOnlyList<string>? oris, ProgramModel? model, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters =
            {
                new("fy", fiscalYear),
                new("all", oris is null),
                new("oris", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = oris?.ToArray() ?? [] },
                new("model", NpgsqlDbType.Varchar) { Value = (object?)model?.ToString() ?? DBNull.Value },
            },
        };
        var cells = new Dictionary<(string, string?, string?), MeasureCell>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = reader.GetBoolean(3) ? null : reader.IsDBNull(1) ? "" : reader.GetString(1);
            var month = reader.GetBoolean(4) ? null : reader.GetString(2);
            cells[(reader.GetString(0), key, month)] = new MeasureCell(reader.GetInt32(5), Seconds(reader, 6), Seconds(reader, 7));
        }

        return new MeasureTable(cells);
    }

    private static TimeSpan? Seconds(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : TimeSpan.FromSeconds(reader.GetInt64(column));
}
