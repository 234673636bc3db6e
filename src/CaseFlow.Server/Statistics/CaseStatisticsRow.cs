using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
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

    public required string Ori { get; init; }
    public required string FieldOfficeCode { get; init; }
    public ProgramModel Model { get; init; }

    /// <summary>What the case counts for, derived from the whole case when the row is made.</summary>
    public IReadOnlyList<MeasureFact> Facts { get; init; } = [];

    /// <summary>
    /// <see cref="Facts"/> (camel case) in their own narrow jsonb column, which the cells' trigger reads instead of
    /// parsing the whole document.
    /// </summary>
    [JsonIgnore]
    public string FactRows => JsonSerializer.Serialize(Facts, FactJson);

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
        Id = state.Id, Ori = state.Ori, FieldOfficeCode = state.FieldOfficeCode, Model = state.Model, Facts = CaseMeasures.Of(state),
    };
}

/// <summary>
/// The second stage of <see cref="CaseReadModels"/>: each case's row made from the queue row the first stage stored for
/// it on the same page (<see cref="Updated{T}"/>), so from the case as the summary folds it, and with its facts derived
/// from the whole case: a void, an amendment or a late step rewrites the row as if the case had always been so.
/// </summary>
public sealed class CaseStatisticsProjection : MultiStreamProjection<CaseStatisticsRow, Guid>
{
    public const string ProjectionName = "CaseStatistics";

    public CaseStatisticsProjection()
    {
        Name = ProjectionName;
        Identity<Updated<CaseQueueRow>>(updated => updated.Entity.Id);
    }

    public override CaseStatisticsRow? Evolve(CaseStatisticsRow? snapshot, Guid id, IEvent e) =>
        e.Data is Updated<CaseQueueRow> updated ? CaseStatisticsRow.Of(updated.Entity.Case) : snapshot;

    /// <summary>The row's columns, indexed; declared the way the projection stores it (numeric revisions).</summary>
    public static void Configure(StoreOptions opts) =>
        opts.Schema.For<CaseStatisticsRow>()
            .UseNumericRevisions(true)
            .Duplicate(r => r.Ori)
            .Duplicate(r => r.FieldOfficeCode)
            .Duplicate(r => r.Model);
}
