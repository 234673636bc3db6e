using CaseFlow.Domain;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.Server.Statistics;

/// <summary>
/// The officer and complaint counts of a roll-up for each month asked, each with one SQL query over stored rows: the
/// officers from their certified periods (<see cref="OfficerPeriods"/>) as of the month's end in each agency's zone,
/// the complaints from the month they were received in and the instant their notification reads as late, both
/// derived by the domain when the rows were stored. They equal <see cref="ProgramMeasures.Officers"/> and
/// <see cref="ProgramMeasures.Complaints"/> over the same records (tested).
/// </summary>
public static class GovernanceCounts
{
    // Each officer's certified periods in the roll-up as the row's arrays; the model and the month ends are matched in
    // memory. Matching the month ends in SQL joined every period with every month end of its zone, sorted the pairs and
    // counted distinct officers per month: 14 ms for the demo year's 845 officers, against 2 ms to read the periods.
    private static readonly string OfficerPeriodSql =
        $"""
        select r.id, r.time_zone, r.period_models, r.period_from_utc_ticks, r.period_until_utc_ticks, r.period_refresher_overdue
        from {PersistenceSetup.SchemaName}.mt_doc_officerstatisticsrow r
        where @all or r.ori = any(@oris)
        """;

    private static readonly string ComplaintSql =
        $"""
        select c.received_month, count(*)::int, (count(*) filter (where c.notification_late_from_utc_ticks <= @now))::int
        from {PersistenceSetup.SchemaName}.mt_doc_complaint c
        where c.received_month = any(@months) and (@all or c.ori = any(@oris))
        group by c.received_month
        """;

    /// <summary>
    /// The columns the two queries read: the officer rows' agency and zone (their period arrays' columns are declared by
    /// <see cref="OfficerStatisticsRow.ConfigureMarten"/>); the complaints' month and lateness.
    /// </summary>
    public static void Configure(StoreOptions opts)
    {
        opts.Schema.For<OfficerStatisticsRow>()
            .UseNumericRevisions(true)
            .Duplicate(r => r.Ori)
            .Duplicate(r => r.TimeZone);
        opts.Schema.For<Complaint>()
            .Duplicate(c => c.ReceivedMonth)
            .Duplicate(c => c.NotificationLateFromUtcTicks!);
    }

    /// <summary>
    /// Officers certified at each month's end (its last instant in the agency's zone): those with a period holding then,
    /// begun before the next month's first instant and not ended before it; overdue, those with such a period overdue.
    /// </summary>
    /// <param name="oris">The agencies of the roll-up; null for the nation.</param>
    public static async Task<IReadOnlyDictionary<DateOnly, OfficerCounts>> Officers(
        IDocumentStore store, IReadOnlyList<DateOnly> months, IReadOnlyList<string>? oris, ProgramModel? model, CancellationToken ct)
    {
        var certified = months.Select(_ => new HashSet<Guid>()).ToArray();
        var overdue = months.Select(_ => new HashSet<Guid>()).ToArray();
        var nextMonthStarts = new Dictionary<string, long[]>();
        var modelName = model?.ToString();
        await StoreRows.Each(store, OfficerPeriodSql, ct, reader =>
        {
            var (id, zone) = (reader.GetGuid(0), reader.GetString(1));
            var (models, froms, untils, overdues) =
                (reader.GetFieldValue<string[]>(2), reader.GetFieldValue<long[]>(3), reader.GetFieldValue<long[]>(4), reader.GetFieldValue<int[]>(5));
            if (!nextMonthStarts.TryGetValue(zone, out var starts))
                nextMonthStarts[zone] = starts = [.. months.Select(m => LocalDay.Start(m.AddMonths(1), zone).UtcTicks)];
            for (var p = 0; p < froms.Length; p++)
            {
                if (modelName is not null && models[p] != modelName)
                    continue;
                for (var i = 0; i < months.Count; i++)
                {
                    if (froms[p] >= starts[i] || untils[p] < starts[i])
                        continue;
                    certified[i].Add(id);
                    if (overdues[p] == 1)
                        overdue[i].Add(id);
                }
            }
        }, All(oris), Oris(oris));

        return months.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => new OfficerCounts(certified[x.i].Count, overdue[x.i].Count));
    }

    /// <param name="now">The instant lateness is judged at: a complaint ICE has not been told of is late once past its due instant.</param>
    public static async Task<IReadOnlyDictionary<DateOnly, ComplaintCounts>> Complaints(
        IDocumentStore store, IReadOnlyList<DateOnly> months, IReadOnlyList<string>? oris, DateTimeOffset now, CancellationToken ct)
    {
        var counts = new Dictionary<string, ComplaintCounts>();
        await StoreRows.Each(store, ComplaintSql, ct, reader => counts[reader.GetString(0)] = new ComplaintCounts(reader.GetInt32(1), reader.GetInt32(2)),
            new("months", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = months.Select(StatisticsCalendar.Name).ToArray() },
            All(oris), Oris(oris), new("now", NpgsqlDbType.Bigint) { Value = now.UtcTicks });
        return months.ToDictionary(m => m, m => counts.GetValueOrDefault(StatisticsCalendar.Name(m)) ?? new ComplaintCounts(0, 0));
    }

    private static NpgsqlParameter All(IReadOnlyList<string>? oris) => new("all", oris is null);

    private static NpgsqlParameter Oris(IReadOnlyList<string>? oris) =>
        new("oris", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = oris?.ToArray() ?? [] };
}
