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
    // One row per agency and model, its cells as three arrays in binary (read by BinaryArrays): the fact's and the
    // month's positions (from 1) in the query's arrays, and the count. One row per cell was 15,000 rows of four strings
    // for a draft of the demo year, most of the draft's reading in CaseFlow and PostgreSQL. The cells of one fact and
    // month differ by breakdown key; ReportCounts adds them up.
    private static readonly string Sql =
        $"""
        select scope, model, array_send(array_agg(array_position(@facts, measure))),
               array_send(array_agg(array_position(@months, month))), array_send(array_agg(facts))
        from {PersistenceSetup.SchemaName}.statistics_cells
        where fiscal_year = any(@years) and month = any(@months) and measure = any(@facts)
          and scope <> @program and scope not like '%:%'
        group by scope, model
        """;

    private static readonly string[] Facts = [.. ReportMeasures.All.Select(m => m.Fact)];

    /// <param name="from">The first month counted, <c>YYYY-MM</c>.</param>
    /// <param name="to">The last month counted.</param>
    public static async Task<ReportCounts> Read(IDocumentStore store, string from, string to, CancellationToken ct)
    {
        var months = MonthsFrom(from, to);
        var counts = new List<KeyValuePair<(string, ProgramModel, string, string), int>>();
        await StoreRows.Each(store, Sql, ct, reader =>
        {
            var (ori, model) = (reader.GetString(0), Enum.Parse<ProgramModel>(reader.GetString(1)));
            var (facts, ofMonths, cells) =
                (BinaryArrays.Int32s(reader.GetFieldValue<byte[]>(2)), BinaryArrays.Int32s(reader.GetFieldValue<byte[]>(3)), BinaryArrays.Int32s(reader.GetFieldValue<byte[]>(4)));
            for (var i = 0; i < cells.Length; i++)
                counts.Add(new((ori, model, Facts[facts[i] - 1], months[ofMonths[i] - 1]), cells[i]));
        },
            new("months", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = months },
            new("facts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Facts },
            new("years", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = FiscalYears(from, to) },
            new("program", NpgsqlDbType.Varchar) { Value = Statistics.MeasureTable.ProgramScope });
        return new ReportCounts(counts);
    }

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/>, both counted.</summary>
    private static string[] MonthsFrom(string from, string to)
    {
        var (first, last) = (MonthOf(from), MonthOf(to));
        var months = new List<string>();
        for (var month = first; month <= last; month = month.AddMonths(1))
            months.Add(StatisticsCalendar.Name(month));
        return [.. months];
    }

    /// <summary>The fiscal years the months fall in, the cells' leading key after their scope.</summary>
    private static int[] FiscalYears(string from, string to)
    {
        var (first, last) = (FiscalYearOf(from), FiscalYearOf(to));
        return [.. Enumerable.Range(first, last - first + 1)];
    }

    private static int FiscalYearOf(string month) => StatisticsCalendar.FiscalYearOf(MonthOf(month));

    private static DateOnly MonthOf(string month) =>
        StatisticsCalendar.ParseMonth(month) ?? throw new ArgumentException($"not a month: {month}", nameof(month));
}
