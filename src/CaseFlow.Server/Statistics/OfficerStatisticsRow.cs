using System.Text.Json;
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

    /// <summary>The <see cref="OfficerPeriod"/>s (camel case) in their own narrow jsonb column, derived when the row is written.</summary>
    [JsonIgnore]
    public string PeriodRows => JsonSerializer.Serialize(OfficerPeriods.Of(Officer, TimeZone, new RefresherPolicy(RefresherMonths)), PeriodJson);

    /// <summary>
    /// Marten's hook for this document's mapping: <see cref="PeriodRows"/> is duplicated into its column without an
    /// index, as <see cref="CaseStatisticsRow.FactRows"/> is (the officer counts unpack it; nothing searches it).
    /// </summary>
    public static void ConfigureMarten(DocumentMapping mapping) => mapping.DuplicateField(nameof(PeriodRows), "jsonb").DbType = NpgsqlDbType.Jsonb;

    private static readonly JsonSerializerOptions PeriodJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
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
