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
    // Each officer's certified periods in the roll-up as the row's arrays (binary, read by BinaryArrays); the model and
    // the month ends are matched in memory. Matching the month ends in SQL joined every period with every month end of
    // its zone, sorted the pairs and counted distinct officers per month: 14 ms for the demo year's 845 officers, against
    // 2 ms to read the periods. Unnested into a row per period in SQL, they cost PostgreSQL 2 ms more per national read.
    private static readonly string OfficerPeriodSql =
        $"""
        select r.time_zone, array_send(r.period_models), array_send(r.period_from_utc_ticks),
               array_send(r.period_until_utc_ticks), array_send(r.period_refresher_overdue)
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
        if (months.Count > 64)
            throw new ArgumentOutOfRangeException(nameof(months), "an officer's months are the bits of a long");
        // Each row is one officer: its months certified and overdue are a bit per month, so that an officer with two
        // periods holding at a month's end counts once.
        var certified = new int[months.Count];
        var overdue = new int[months.Count];
        var nextMonthStarts = new Dictionary<string, long[]>();
        var modelName = model?.ToString();
        await StoreRows.Each(store, OfficerPeriodSql, ct, reader =>
        {
            var zone = reader.GetString(0);
            var (models, froms, untils, overdues) = (BinaryArrays.Strings(reader.GetFieldValue<byte[]>(1)),
                BinaryArrays.Int64s(reader.GetFieldValue<byte[]>(2)), BinaryArrays.Int64s(reader.GetFieldValue<byte[]>(3)), BinaryArrays.Int32s(reader.GetFieldValue<byte[]>(4)));
            if (!nextMonthStarts.TryGetValue(zone, out var starts))
                nextMonthStarts[zone] = starts = [.. months.Select(m => LocalDay.Start(m.AddMonths(1), zone).UtcTicks)];
            var (held, heldOverdue) = (0UL, 0UL);
            for (var p = 0; p < froms.Length; p++)
            {
                if (modelName is not null && models[p] != modelName)
                    continue;
                for (var i = 0; i < months.Count; i++)
                {
                    if (froms[p] >= starts[i] || untils[p] < starts[i])
                        continue;
                    held |= 1UL << i;
                    if (overdues[p] == 1)
                        heldOverdue |= 1UL << i;
                }
            }

            for (var i = 0; i < months.Count; i++)
            {
                certified[i] += (int)((held >> i) & 1);
                overdue[i] += (int)((heldOverdue >> i) & 1);
            }
        }, All(oris), Oris(oris));

        return months.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => new OfficerCounts(certified[x.i], overdue[x.i]));
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
