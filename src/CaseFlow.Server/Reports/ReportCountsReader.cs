using CaseFlow.Domain;
using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Platform;
using Marten;
using NpgsqlTypes;

namespace CaseFlow.Server.Reports;

/// <summary>
/// The report's facts counted in SQL from the statistics' fact rows (<see cref="Statistics.CaseStatisticsRow"/>), by
/// agency, model, fact and local month, over a range of months: the same facts every statistics roll-up counts.
/// </summary>
public static class ReportCountsReader
{
    private static readonly string Sql =
        $"""
        select d.ori, d.model, f.measure, f.month, count(*)::int
        from {PersistenceSetup.SchemaName}.mt_doc_casestatisticsrow d
        cross join lateral jsonb_to_recordset(d.fact_rows) as f(measure text, month text)
        where d.fiscal_years && @years and f.month between @from and @to and f.measure = any(@facts)
        group by d.ori, d.model, f.measure, f.month
        """;

    private static readonly string[] Facts = [.. ReportMeasures.All.Select(m => m.Fact)];

    /// <param name="from">The first month counted, <c>YYYY-MM</c>.</param>
    /// <param name="to">The last month counted.</param>
    public static async Task<ReportCounts> Read(IDocumentStore store, string from, string to, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(Sql, connection)
        {
            Parameters =
            {
                new("from", NpgsqlDbType.Text) { Value = from },
                new("to", NpgsqlDbType.Text) { Value = to },
                new("facts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Facts },
                new("years", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = FiscalYears(from, to) },
            },
        };
        var counts = new Dictionary<(string, ProgramModel, string, string), int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            counts[(reader.GetString(0), Enum.Parse<ProgramModel>(reader.GetString(1)), reader.GetString(2), reader.GetString(3))] = reader.GetInt32(4);
        return new ReportCounts(counts);
    }

    /// <summary>The fiscal years the months fall in: the rows of the cases with facts in them (an indexed column).</summary>
    private static int[] FiscalYears(string from, string to)
    {
        var (first, last) = (FiscalYearOf(from), FiscalYearOf(to));
        return [.. Enumerable.Range(first, last - first + 1)];
    }

    private static int FiscalYearOf(string month) =>
        StatisticsCalendar.FiscalYearOf(StatisticsCalendar.ParseMonth(month) ?? throw new ArgumentException($"not a month: {month}", nameof(month)));
}
