using System.Text.Json.Serialization;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Officers;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Marten.Schema;
using NpgsqlTypes;

namespace CaseFlow.Server.Statistics;

/// <summary>
/// The statistics' row of one officer: the officer as the inline record folds it, the agency's zone and the refresher
/// interval the periods were derived under, and the periods in which the officer counts as certified (and overdue)
/// at a month's end, which the officer counts select with one query.
/// </summary>
public sealed record OfficerStatisticsRow
{
    public Guid Id { get; init; }

    /// <summary>The officer as the inline record folds it: the next event is folded onto it.</summary>
    public required Officer Officer { get; init; }
    public required string Ori { get; init; }
    public required string TimeZone { get; init; }
    public int RefresherMonths { get; init; }

    /// <summary>
    /// The <see cref="OfficerPeriod"/>s, derived when the row is written, as four arrays of one element per period
    /// (model, start, end and whether overdue), each in its own column: the officer counts read the arrays as they are,
    /// where unpacking one jsonb column per officer cost them 8 ms of the database's time on the demo year's 3,744
    /// officers, against 1 ms for the arrays.
    /// </summary>
    [JsonIgnore]
    public string[] PeriodModels => [.. Periods.Select(p => p.Model.ToString())];

    [JsonIgnore]
    public long[] PeriodFromUtcTicks => [.. Periods.Select(p => p.FromUtcTicks)];

    /// <summary>Each period's end; <see cref="long.MaxValue"/> for one that still holds (an array column holds no null here).</summary>
    [JsonIgnore]
    public long[] PeriodUntilUtcTicks => [.. Periods.Select(p => p.UntilUtcTicks ?? long.MaxValue)];

    /// <summary>1 where the period's refresher is overdue, else 0: Marten 9 cannot duplicate a <c>bool[]</c> (building
    /// its LINQ member throws), so the flags are kept as integers.</summary>
    [JsonIgnore]
    public int[] PeriodRefresherOverdue => [.. Periods.Select(p => p.RefresherOverdue ? 1 : 0)];

    private IReadOnlyList<OfficerPeriod> Periods => OfficerPeriods.Of(Officer, TimeZone, new RefresherPolicy(RefresherMonths));

    /// <summary>
    /// The officer counts' index (ops/migrations/0013-statistics-officer-periods-index-only.sql): by agency, holding
    /// every column they read, so that they read it alone; made by the migration, since Marten declares no index with
    /// included columns, and so left alone by Marten's schema comparison.
    /// </summary>
    public const string PeriodsIndex = "officerstatisticsrow_periods_by_ori";

    /// <summary>
    /// Marten's hook for this document's mapping: the period arrays are duplicated into their columns without an index
    /// of their own (the officer counts read them through <see cref="PeriodsIndex"/>; nothing searches them).
    /// </summary>
    public static void ConfigureMarten(DocumentMapping mapping)
    {
        mapping.IgnoreIndex(PeriodsIndex);
        mapping.DuplicateField(nameof(PeriodModels), "varchar[]").DbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar;
        mapping.DuplicateField(nameof(PeriodFromUtcTicks), "bigint[]").DbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint;
        mapping.DuplicateField(nameof(PeriodUntilUtcTicks), "bigint[]").DbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint;
        mapping.DuplicateField(nameof(PeriodRefresherOverdue), "integer[]").DbType = NpgsqlDbType.Array | NpgsqlDbType.Integer;
    }
}

/// <summary>
/// The inline projection of <see cref="OfficerStatisticsRow"/>: each officer folded by the officer record's own evolve
/// function, with the zone of the agency's agreements (read once, when the officer is nominated) and the node's
/// refresher interval; a change of <c>Governance:RefresherMonths</c> needs a rebuild (docs/statistics.md).
/// </summary>
public sealed class OfficerStatisticsProjection : SingleStreamProjection<OfficerStatisticsRow, Guid>
{
    public const string ProjectionName = "OfficerStatistics";

    private readonly OfficerProjection _record = new();
    private readonly RefresherPolicy _refresher;

    public OfficerStatisticsProjection(RefresherPolicy refresher)
    {
        _refresher = refresher;
        Name = ProjectionName;
        this.TakeOnly(EventCatalogue.OfficerEvents);
    }

    public override async ValueTask<OfficerStatisticsRow?> EvolveAsync(
        OfficerStatisticsRow? snapshot, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        if (_record.Evolve(snapshot?.Officer, id, e) is not { } folded)
            return snapshot;
        var zone = snapshot?.TimeZone ?? await ZoneOf(session, folded.Ori, cancellation);
        return new OfficerStatisticsRow { Id = folded.Id, Officer = folded, Ori = folded.Ori, TimeZone = zone, RefresherMonths = _refresher.Months };
    }

    /// <summary>
    /// The zone from the agency's agreement's own first event, not from the agreement documents: a rebuild of every
    /// projection empties and refills those beside this one, and a row folded meanwhile took UTC
    /// (ops/verify-read-models found 31 of 836 officers so on the demo year).
    /// </summary>
    private static async Task<string> ZoneOf(IQuerySession session, string ori, CancellationToken ct)
    {
        foreach (var model in Enum.GetValues<ProgramModel>())
        {
            var first = await session.Events.FetchStreamAsync(AgreementId.For(ori, model), version: 1, token: ct);
            if (first.FirstOrDefault()?.Data is AgreementSigned signed)
                return signed.TimeZone;
        }

        return AgencyTimeZones.Unknown;
    }
}
