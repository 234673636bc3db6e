using CaseFlow.Domain;
using CaseFlow.Server.Platform;
using Marten;
using NpgsqlTypes;

namespace CaseFlow.Server.Statistics;

/// <summary>A measure's count over a cell, with the median and 90th percentile of its durations (null without any, and under a breakdown key).</summary>
public sealed record MeasureCell(int Count, TimeSpan? Median, TimeSpan? P90);

/// <summary>
/// The case measures of one fiscal year within one roll-up, summed from the statistics' cells and durations (kept by
/// the database from the fact rows, ops/migrations/0009-statistics-durations-bounded.sql): counted by measure,
/// breakdown key and month, with every roll-up of key and month (a null <c>Key</c> or <c>Month</c> is "all"), and the
/// durations' percentiles by measure and month from the roll-up's own histogram, exact to its bucket.
/// </summary>
public sealed class MeasureTable(
    IReadOnlyDictionary<(string Measure, string? Key, string? Month), int> counts,
    IReadOnlyDictionary<(string Measure, string? Month), (TimeSpan? Median, TimeSpan? P90)> durations)
{
    /// <summary>The cells' scope that counts the whole program; an agency's cells are scoped by its ORI.</summary>
    public const string ProgramScope = "";

    /// <summary>
    /// The one scope whose cells count a roll-up (ops/migrations/0010-statistics-roll-up-scopes.sql): the program's, a
    /// field office's, a state's, or an agency's own ORI.
    /// </summary>
    public static string ScopeOf(StatisticsLevel level, string? code) => level switch
    {
        StatisticsLevel.National => ProgramScope,
        StatisticsLevel.FieldOffice => $"field-office:{code}",
        StatisticsLevel.State => $"state:{code}",
        _ => code ?? throw new ArgumentNullException(nameof(code), "an agency's statistics are read by its ORI"),
    };

    // A row of the cells has a count; a row of the durations holds the buckets of one model's measure and month as two
    // arrays in binary (their first minutes and their facts, read by BinaryArrays). A national year has 15,000 buckets
    // in 50 such rows: read one row per bucket, they were most of the read's CPU in CaseFlow and PostgreSQL alike.
    // Grouped in the key's order, so that PostgreSQL aggregates the index's rows as they come, without sorting them;
    // the models are added up here.
    private static readonly string Sql =
        $"""
        select measure, key, month, facts, null::bytea, null::bytea
        from {PersistenceSetup.SchemaName}.statistics_cells
        where scope = @scope and fiscal_year = @fy and (@model::varchar is null or model = @model)
        union all
        select measure, null, month, null, array_send(array_agg(minutes)), array_send(array_agg(facts))
        from {PersistenceSetup.SchemaName}.statistics_durations
        where scope = @scope and fiscal_year = @fy and (@model::varchar is null or model = @model)
          and (@month::text is null or month = @month)
        group by model, measure, month
        """;

    public MeasureCell this[string measure, string? month, string? key = null]
    {
        get
        {
            var (median, p90) = key is null ? durations.GetValueOrDefault((measure, month)) : default;
            return new MeasureCell(counts.GetValueOrDefault((measure, key, month)), median, p90);
        }
    }

    // Each period's figures ask for six breakdowns: grouped once, not searched for in every cell each time.
    private readonly ILookup<(string Measure, string? Month), (string Key, int Count)> _byKey =
        counts.Where(c => c.Key.Key is not null).ToLookup(c => (c.Key.Measure, c.Key.Month), c => (c.Key.Key!, c.Value));

    /// <summary>The breakdown of a measure by key over a month (or the whole year when null), largest first.</summary>
    public IEnumerable<(string Key, int Count)> Breakdown(string measure, string? month) =>
        _byKey[(measure, month)].OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal);

    /// <param name="scope">The roll-up's scope (<see cref="ScopeOf"/>).</param>
    /// <param name="month">The month (<c>YYYY-MM</c>) whose durations are read, null for the year's: counts are always the year's.</param>
    public static async Task<MeasureTable> Read(
        IDocumentStore store, string scope, int fiscalYear, string? month, ProgramModel? model, CancellationToken ct)
    {
        var counts = new Dictionary<(string, string?, string?), int>();
        var histograms = new Dictionary<(string, string?), DurationHistogram>();
        DurationHistogram Histogram((string, string?) cell) =>
            histograms.TryGetValue(cell, out var histogram) ? histogram : histograms[cell] = new DurationHistogram();

        // Each row is added to its own cell, and each cell to its roll-ups: grouping and sorting the rows in PostgreSQL
        // took 12 of the 18 ms the national year's query took on the demo year.
        await StoreRows.Each(store, Sql, ct, reader =>
        {
            var (measure, cellMonth) = (reader.GetString(0), reader.GetString(2));
            if (reader.IsDBNull(4))
            {
                // A read of every model gets one row per model for a measure, key and month.
                var cell = (measure, reader.GetString(1), cellMonth);
                counts[cell] = counts.GetValueOrDefault(cell) + reader.GetInt32(3);
            }
            else
                Histogram((measure, cellMonth)).Add(BinaryArrays.Int32s(reader.GetFieldValue<byte[]>(4)), BinaryArrays.Int32s(reader.GetFieldValue<byte[]>(5)));
        },
            new("fy", fiscalYear),
            new("month", NpgsqlDbType.Text) { Value = (object?)month ?? DBNull.Value },
            new("scope", NpgsqlDbType.Varchar) { Value = scope },
            new("model", NpgsqlDbType.Varchar) { Value = (object?)model?.ToString() ?? DBNull.Value });

        foreach (var ((measure, key, cellMonth), facts) in counts.ToList())
        {
            foreach (var rollUp in new[] { (measure, null, cellMonth), (measure, key, null), (measure, (string?)null, (string?)null) })
                counts[rollUp] = counts.GetValueOrDefault(rollUp) + facts;
        }

        foreach (var ((measure, _), histogram) in histograms.ToList())
            Histogram((measure, null)).Add(histogram);

        return new MeasureTable(counts, histograms.ToDictionary(h => h.Key, h => h.Value.Percentiles()));
    }
}
