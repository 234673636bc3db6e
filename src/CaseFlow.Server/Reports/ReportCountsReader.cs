using CaseFlow.Domain;
using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Platform;
using Marten;
using NpgsqlTypes;

namespace CaseFlow.Server.Reports;

/// <summary>
/// The report's facts counted by agency, model, fact and local month over a range of months, summed from the
/// statistics' agency cells (<see cref="Statistics.MeasureTable"/>; an agency's scope is its ORI, neither the program's
/// nor a roll-up's, which holds a colon): the same facts every statistics roll-up counts.
/// </summary>
public static class ReportCountsReader
{
    private static readonly string Sql =
        $"""
        select scope, model, measure, month, sum(facts)::int
        from {PersistenceSetup.SchemaName}.statistics_cells
        where fiscal_year = any(@years) and month between @from and @to and measure = any(@facts)
          and scope <> @program and scope not like '%:%'
        group by scope, model, measure, month
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
                new("program", NpgsqlDbType.Varchar) { Value = Statistics.MeasureTable.ProgramScope },
            },
        };
        var counts = new List<KeyValuePair<(string, ProgramModel, string, string), int>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            counts.Add(new((reader.GetString(0), Enum.Parse<ProgramModel>(reader.GetString(1)), reader.GetString(2), reader.GetString(3)), reader.GetInt32(4)));
        return new ReportCounts(counts);
    }

    /// <summary>The fiscal years the months fall in, the cells' leading key after their scope.</summary>
    private static int[] FiscalYears(string from, string to)
    {
        var (first, last) = (FiscalYearOf(from), FiscalYearOf(to));
        return [.. Enumerable.Range(first, last - first + 1)];
    }

    private static int FiscalYearOf(string month) =>
        StatisticsCalendar.FiscalYearOf(StatisticsCalendar.ParseMonth(month) ?? throw new ArgumentException($"not a month: {month}", nameof(month)));
}
