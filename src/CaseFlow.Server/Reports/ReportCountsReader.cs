using System.Buffers.Binary;
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
    // One row per agency and model, its cells packed as a bytea of 8-byte entries (PackedCells): one row per cell was
    // 15,000 rows of four strings for a draft of the demo year, most of the draft's reading in CaseFlow and PostgreSQL.
    // The cells of one fact and month differ by breakdown key; ReportCounts adds them up.
    private static readonly string Sql =
        $"""
        select scope, model,
               string_agg(int2send(array_position(@facts, measure)::int2) || int2send(array_position(@months, month)::int2) || int4send(facts), ''::bytea)
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
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(Sql, connection)
        {
            Parameters =
            {
                new("months", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = months },
                new("facts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Facts },
                new("years", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = FiscalYears(from, to) },
                new("program", NpgsqlDbType.Varchar) { Value = Statistics.MeasureTable.ProgramScope },
            },
        };
        var counts = new List<KeyValuePair<(string, ProgramModel, string, string), int>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (ori, model) = (reader.GetString(0), Enum.Parse<ProgramModel>(reader.GetString(1)));
            foreach (var (fact, month, facts) in PackedCells(reader.GetFieldValue<byte[]>(2)))
                counts.Add(new((ori, model, Facts[fact - 1], months[month - 1]), facts));
        }

        return new ReportCounts(counts);
    }

    /// <summary>
    /// The cells packed as <c>int2send(fact) || int2send(month) || int4send(facts)</c> one after another: the fact's and
    /// the month's positions (from 1) in the query's arrays, and the cell's count, all big-endian.
    /// </summary>
    private static IEnumerable<(int Fact, int Month, int Facts)> PackedCells(byte[] cells)
    {
        if (cells.Length % 8 != 0)
            throw new ArgumentException("every cell is a fact, a month and a count, 8 bytes", nameof(cells));
        for (var at = 0; at < cells.Length; at += 8)
        {
            yield return (BinaryPrimitives.ReadInt16BigEndian(cells.AsSpan(at)), BinaryPrimitives.ReadInt16BigEndian(cells.AsSpan(at + 2)),
                BinaryPrimitives.ReadInt32BigEndian(cells.AsSpan(at + 4)));
        }
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
