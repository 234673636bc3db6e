using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Cases;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace CaseFlow.Server.Statistics;

/// <summary>
/// The statistics' fact row of one case: what the case counts for (<see cref="CaseMeasures"/>), each in the
/// agency-local month it happened in, with the agency, field office and model every roll-up selects by. Aggregates
/// are computed from these rows when read, so medians and percentiles are exact for any roll-up.
/// </summary>
public sealed record CaseStatisticsRow
{
    public Guid Id { get; init; }

    /// <summary>The case as the summary folds it: the next event is folded onto it.</summary>
    public required CaseFile Case { get; init; }
    public required string Ori { get; init; }
    public required string FieldOfficeCode { get; init; }
    public ProgramModel Model { get; init; }
    public required IReadOnlyList<MeasureFact> Facts { get; init; }

    public static CaseStatisticsRow Of(CaseFile state) => new()
    {
        Id = state.Id, Case = state, Ori = state.Ori, FieldOfficeCode = state.FieldOfficeCode, Model = state.Model, Facts = CaseMeasures.Of(state),
    };
}

/// <summary>
/// The asynchronous projection of <see cref="CaseStatisticsRow"/>: each case folded by the evolve function of the
/// inline case summary on every event and its facts derived again from the whole case, so a void, an amendment or a
/// late step rewrites the row as if the case had always been so.
/// </summary>
public sealed class CaseStatisticsProjection : SingleStreamProjection<CaseStatisticsRow, Guid>
{
    public const string ProjectionName = "CaseStatistics";

    private readonly CaseFileProjection _summary = new();

    public CaseStatisticsProjection() => Name = ProjectionName;

    public override CaseStatisticsRow? Evolve(CaseStatisticsRow? snapshot, Guid id, IEvent e) =>
        _summary.Evolve(snapshot?.Case, id, e) is { } folded ? CaseStatisticsRow.Of(folded) : snapshot;

    /// <summary>The columns the roll-ups select by, indexed; declared the way the projection stores it (numeric revisions).</summary>
    public static void Configure(StoreOptions opts) =>
        opts.Schema.For<CaseStatisticsRow>()
            .UseNumericRevisions(true)
            .Duplicate(r => r.Ori)
            .Duplicate(r => r.FieldOfficeCode)
            .Duplicate(r => r.Model);
}
