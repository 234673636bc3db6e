using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Platform;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Marten.Schema;
using NpgsqlTypes;

namespace CaseFlow.Server.Statistics;

/// <summary>
/// The statistics' fact row of one case: what the case counts for (<see cref="CaseMeasures"/>), each in the
/// agency-local month it happened in, with the agency, field office and model. The database keeps the statistics'
/// cells from these rows as they are written (ops/migrations/0004-statistics-cells.sql, read by <see cref="MeasureTable"/>).
/// </summary>
public sealed record CaseStatisticsRow
{
    public Guid Id { get; init; }

    /// <summary>The case as the summary folds it: the next event is folded onto it.</summary>
    public required CaseFile Case { get; init; }
    public required string Ori { get; init; }
    public required string FieldOfficeCode { get; init; }
    public ProgramModel Model { get; init; }

    /// <summary>
    /// The facts (<see cref="MeasureFact"/>, camel case) in their own narrow jsonb column, which the cells' trigger
    /// reads instead of parsing the whole document. Derived from the case when the row is written, not on every event
    /// folded onto it: a rebuild folds a slice's events and stores the row once, so once per case and batch.
    /// </summary>
    [JsonIgnore]
    public string FactRows => JsonSerializer.Serialize(CaseMeasures.Of(Case), FactJson);

    private static readonly JsonSerializerOptions FactJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Marten's hook for this document's mapping: <see cref="FactRows"/> is duplicated into its column without the
    /// b-tree index a registry <c>Duplicate</c> adds. Nothing searches the column, only the cells' trigger reads it, and
    /// such an index entry holds the whole jsonb value: it made each row's write slower, and PostgreSQL refuses an entry
    /// over 2,704 bytes (a third of a page).
    /// </summary>
    public static void ConfigureMarten(DocumentMapping mapping) => mapping.DuplicateField(nameof(FactRows), "jsonb").DbType = NpgsqlDbType.Jsonb;

    public static CaseStatisticsRow Of(CaseFile state) => new()
    {
        Id = state.Id, Case = state, Ori = state.Ori, FieldOfficeCode = state.FieldOfficeCode, Model = state.Model,
    };
}

/// <summary>
/// The asynchronous projection of <see cref="CaseStatisticsRow"/>: each case folded by the evolve function of the
/// inline case summary on every event and its facts derived from the whole case when the row is stored, so a void, an amendment or a
/// late step rewrites the row as if the case had always been so.
/// </summary>
public sealed class CaseStatisticsProjection : SingleStreamProjection<CaseStatisticsRow, Guid>
{
    public const string ProjectionName = "CaseStatistics";

    private readonly CaseFileProjection _summary = new();

    public CaseStatisticsProjection()
    {
        Name = ProjectionName;
        this.TakeOnly(EventCatalogue.CaseEvents);
    }

    public override CaseStatisticsRow? Evolve(CaseStatisticsRow? snapshot, Guid id, IEvent e) =>
        _summary.Evolve(snapshot?.Case, id, e) is { } folded ? CaseStatisticsRow.Of(folded) : snapshot;

    /// <summary>The row's columns, indexed; declared the way the projection stores it (numeric revisions).</summary>
    public static void Configure(StoreOptions opts) =>
        opts.Schema.For<CaseStatisticsRow>()
            .UseNumericRevisions(true)
            .Duplicate(r => r.Ori)
            .Duplicate(r => r.FieldOfficeCode)
            .Duplicate(r => r.Model);
}
