using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Domain;
using CaseFlow.Domain.Audit;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Platform;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten.Events.Aggregation;
using Marten.Schema;
using NpgsqlTypes;

namespace CaseFlow.Server.Queues;

/// <summary>
/// The read document of one case behind the supervisors' queues, the case search and the statistics: the case as the
/// summary folds it, plus the columns the queues filter and sort on (each the instant the case sorts by on that queue,
/// or null when it is not on it), what the queue items show (<see cref="QueueView"/>) and what the case counts for in
/// the statistics (<see cref="FactRows"/>). Nothing here is a countdown: time left is computed when a queue is read.
/// </summary>
public sealed record CaseQueueRow
{
    public Guid Id { get; init; }
    public required CaseFile Case { get; init; }
    public required string Ori { get; init; }
    public required string FieldOfficeCode { get; init; }
    public ProgramModel Model { get; init; }
    public CaseStatus Status { get; init; }
    public DateTimeOffset BookedAt { get; init; }
    public DateTimeOffset? ReviewAt { get; init; }
    public DateTimeOffset? DetainerAt { get; init; }
    public DateTimeOffset? ReleaseAt { get; init; }
    public DateTimeOffset? DeadlineAt { get; init; }
    public DateTimeOffset? ClaimAt { get; init; }

    /// <summary>From when the case holds a control-test finding of its own (<see cref="CaseExceptions"/>), or null.</summary>
    public DateTimeOffset? ExceptionAt { get; init; }

    /// <summary>
    /// What the case's queue items show, read by queue pages instead of <see cref="Case"/>. Null only in a row stored
    /// by a version before the views, until the upgrade's rebuild of this projection rewrites it.
    /// </summary>
    public QueueView? View { get; init; }

    /// <summary>
    /// What the case counts for in the statistics (<see cref="CaseMeasures"/>: each fact in the agency-local month it
    /// happened in), derived from the whole case when the row is stored, as camel-case JSON in a jsonb column of its
    /// own and not in the document: the database keeps the statistics' cells from this column as rows are written
    /// (ops/migrations/0004, 0006–0010, 0015; read by <see cref="Statistics.MeasureTable"/>), so a void, an amendment or
    /// a late step recounts the case as if it had always been so.
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

    /// <summary>The row of a case; its indexed instants in UTC, as PostgreSQL's <c>timestamptz</c> columns take them (a jail may send any offset).</summary>
    public static CaseQueueRow Of(CaseFile state)
    {
        var at = CaseQueues.Of(state);
        return new CaseQueueRow
        {
            Id = state.Id, Case = state, Ori = state.Ori, FieldOfficeCode = state.FieldOfficeCode, Model = state.Model, Status = state.Status,
            BookedAt = state.BookedAt.ToUniversalTime(), ReviewAt = at.Review?.ToUniversalTime(), DetainerAt = at.Detainer?.ToUniversalTime(),
            ReleaseAt = at.Release?.ToUniversalTime(), DeadlineAt = at.Deadline?.ToUniversalTime(), ClaimAt = at.Claim?.ToUniversalTime(),
            ExceptionAt = CaseExceptions.FirstAt(state)?.ToUniversalTime(), View = QueueView.Of(state),
        };
    }
}

/// <summary>
/// The asynchronous projection of <see cref="CaseQueueRow"/>, registered as <see cref="CaseReadModels"/>: each case
/// folded by the very evolve function of the inline case summary (<see cref="CaseFileProjection"/>), so voids and late
/// facts act on the queues and the statistics as they act on the summary, and a row can be checked against the case
/// folded from its events at the same version.
/// </summary>
public sealed class CaseQueueProjection : SingleStreamProjection<CaseQueueRow, Guid>
{
    private readonly CaseFileProjection _summary = new();

    public CaseQueueProjection()
    {
        Name = CaseReadModels.Name;
        this.TakeOnly(EventCatalogue.CaseEvents);
    }

    /// <summary>
    /// Folds the slice's events onto the case one by one, then derives the row once: a rebuild's slice holds many
    /// events of a case, and the row's instants and view are worth deriving only from the last state.
    /// </summary>
    public override (CaseQueueRow?, ActionType) DetermineAction(CaseQueueRow? snapshot, Guid identity, IReadOnlyList<IEvent> events)
    {
        var state = snapshot?.Case;
        foreach (var e in events)
            state = _summary.Evolve(state, identity, e) ?? state;
        return state is null ? (null, ActionType.Nothing) : (ReferenceEquals(state, snapshot?.Case) ? snapshot : CaseQueueRow.Of(state), ActionType.Store);
    }
}
