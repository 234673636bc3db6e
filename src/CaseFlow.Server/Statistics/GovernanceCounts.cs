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
    // A period holds at a month's last instant (the next month's first in the zone, less one tick) when it began before
    // the next month and did not end by its start.
    private static readonly string OfficerSql =
        $"""
        select e.month, count(distinct r.id)::int, (count(distinct r.id) filter (where p."refresherOverdue"))::int
        from unnest(@zones, @months, @next_month_starts) as e(zone, month, next_start)
        join {PersistenceSetup.SchemaName}.mt_doc_officerstatisticsrow r on r.time_zone = e.zone
        cross join lateral jsonb_to_recordset(r.period_rows) as p(model text, "fromUtcTicks" bigint, "untilUtcTicks" bigint, "refresherOverdue" boolean)
        where p."fromUtcTicks" < e.next_start and (p."untilUtcTicks" is null or e.next_start <= p."untilUtcTicks")
          and (@all or r.ori = any(@oris))
          and (@model::varchar is null or p.model = @model)
        group by e.month
        """;

    private static readonly string ComplaintSql =
        $"""
        select c.received_month, count(*)::int, (count(*) filter (where c.notification_late_from_utc_ticks <= @now))::int
        from {PersistenceSetup.SchemaName}.mt_doc_complaint c
        where c.received_month = any(@months) and (@all or c.ori = any(@oris))
        group by c.received_month
        """;

    /// <summary>The columns the two queries read: the officer rows' agency, zone and periods; the complaints' month and lateness.</summary>
    public static void Configure(StoreOptions opts)
    {
        opts.Schema.For<OfficerStatisticsRow>()
            .UseNumericRevisions(true)
            .Duplicate(r => r.Ori)
            .Duplicate(r => r.TimeZone)
            .Duplicate(r => r.PeriodRows, "jsonb", NpgsqlDbType.Jsonb);
        opts.Schema.For<Complaint>()
            .Duplicate(c => c.ReceivedMonth)
            .Duplicate(c => c.NotificationLateFromUtcTicks!);
    }

    /// <param name="zones">Every zone of the roll-up's agencies (an officer's row carries its agency's).</param>
    /// <param name="oris">The agencies of the roll-up; null for the nation.</param>
    public static async Task<IReadOnlyDictionary<DateOnly, OfficerCounts>> Officers(
        IDocumentStore store, IReadOnlyList<DateOnly> months, IEnumerable<string> zones, IReadOnlyList<string>? oris, ProgramModel? model, CancellationToken ct)
    {
        var ends = (from zone in zones.Append(AgencyTimeZones.Unknown).Distinct()
                    from month in months
                    select (zone, Month: StatisticsCalendar.Name(month), NextStart: LocalDay.Start(month.AddMonths(1), zone).UtcTicks)).ToList();
        var counts = await Read(store, OfficerSql, ct,
            new("zones", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = ends.Select(e => e.zone).ToArray() },
            new("months", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = ends.Select(e => e.Month).ToArray() },
            new("next_month_starts", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ends.Select(e => e.NextStart).ToArray() },
            All(oris), Oris(oris),
            new("model", NpgsqlDbType.Varchar) { Value = (object?)model?.ToString() ?? DBNull.Value });
        return months.ToDictionary(m => m, m => counts.TryGetValue(StatisticsCalendar.Name(m), out var c) ? new OfficerCounts(c.First, c.Second) : new OfficerCounts(0, 0));
    }

    /// <param name="now">The instant lateness is judged at: a complaint ICE has not been told of is late once past its due instant.</param>
    public static async Task<IReadOnlyDictionary<DateOnly, ComplaintCounts>> Complaints(
        IDocumentStore store, IReadOnlyList<DateOnly> months, IReadOnlyList<string>? oris, DateTimeOffset now, CancellationToken ct)
    {
        var counts = await Read(store, ComplaintSql, ct,
            new("months", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = months.Select(StatisticsCalendar.Name).ToArray() },
            All(oris), Oris(oris), new("now", NpgsqlDbType.Bigint) { Value = now.UtcTicks });
        return months.ToDictionary(m => m, m => counts.TryGetValue(StatisticsCalendar.Name(m), out var c) ? new ComplaintCounts(c.First, c.Second) : new ComplaintCounts(0, 0));
    }

    private static NpgsqlParameter All(IReadOnlyList<string>? oris) => new("all", oris is null);

    private static NpgsqlParameter Oris(IReadOnlyList<string>? oris) =>
        new("oris", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = oris?.ToArray() ?? [] };

    /// <summary>Two counts per month name.</summary>
    private static async Task<Dictionary<string, (int First, int Second)>> Read(IDocumentStore store, string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        var counts = new Dictionary<string, (int, int)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            counts[reader.GetString(0)] = (reader.GetInt32(1), reader.GetInt32(2));
        return counts;
    }
}
