using System.Diagnostics;
using System.Threading.Channels;
using CaseFlow.Server.Security;
using Marten;
using Npgsql;

namespace CaseFlow.Server.Audit;

/// <summary>
/// Where accesses are recorded. A write records itself inside its own transaction (<c>Within</c>), so an
/// event is never stored without its audit row nor the other way round; reads, refusals and denials are queued
/// (<see cref="Record"/>) and written in batches by <see cref="AccessLogWriter"/>.
/// </summary>
public sealed class AccessLog(IHttpContextAccessor http, TimeProvider clock, AccessLogDatabase database)
{
    private readonly Channel<object> _pending = Channel.CreateBounded<object>(
        new BoundedChannelOptions(50_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private volatile bool _failing;
    private volatile Unstored? _storing;

    /// <summary>Whether the last attempt to store queued records failed (the writer keeps them and tries again).</summary>
    public bool Failing { get => _failing; set => _failing = value; }

    /// <summary>
    /// The records not stored yet: those queued and those the writer took and is storing (or retrying); the oldest's
    /// instant, null when none waits.
    /// </summary>
    public Unstored Waiting
    {
        get
        {
            var storing = _storing;
            var queuedOldest = _pending.Reader.TryPeek(out var first) && first is AccessRecord record ? record.At : (DateTimeOffset?)null;
            var oldest = storing?.Oldest is { } taken && (queuedOldest is null || taken < queuedOldest) ? taken : queuedOldest;
            return new Unstored(_pending.Reader.Count + (storing?.Count ?? 0), oldest);
        }
    }

    /// <summary>The writer took these records from the queue (empty: it stored them).</summary>
    public void Storing(IReadOnlyList<AccessRecord> records) =>
        _storing = records.Count == 0 ? null : new Unstored(records.Count, records.Min(r => r.At));

    /// <summary>Queued records, and flush requests (a <see cref="TaskCompletionSource"/> completed once everything before it is stored).</summary>
    public ChannelReader<object> Pending => _pending.Reader;

    public AccessRecord Describe(CallerScope caller, string record, Guid? caseId, string action, string outcome) =>
        new(clock.GetUtcNow(), caller.Subject, caller.Role, caller.Ori ?? caller.FieldOffice ?? "", record, caseId, action, outcome,
            http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "system", Activity.Current?.TraceId.ToString() ?? "");

    /// <summary>How a record touching a case is named, or a request that named none.</summary>
    public static string RecordOf(Guid? caseId) => caseId is { } id ? $"case:{id}" : "request";

    /// <summary>Records a write refused before it reached the append path (a malformed batch item).</summary>
    public ValueTask RecordRefusal(CallerScope caller, Guid? caseId, string action, Microsoft.AspNetCore.Mvc.ProblemDetails problem, CancellationToken ct) =>
        Record(Describe(caller, RecordOf(caseId), caseId, action, AccessOutcomes.Refused(problem.Type, problem.Status ?? 400)), ct);

    /// <summary>Adds the records to the session's unit of work: stored in the same transaction as the write, or not at all.</summary>
    public void Within(IDocumentSession session, IReadOnlyList<AccessRecord> records)
    {
        if (records.Count == 0)
            return;
        session.QueueSqlCommand(AccessLogTable.InsertMany, AccessLogTable.ColumnsOf(records));
        MarkRecorded();
    }

    /// <summary>The same, for a write made on a connection of its own rather than in a Marten session.</summary>
    public async Task Within(NpgsqlConnection connection, NpgsqlTransaction transaction, AccessRecord record, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(AccessLogTable.InsertOnePositional, connection, transaction);
        foreach (var value in AccessLogTable.ValuesOf(record))
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
        MarkRecorded();
    }

    public async ValueTask Record(AccessRecord record, CancellationToken ct = default)
    {
        MarkRecorded();
        try
        {
            await _pending.Writer.WriteAsync(record, ct);
        }
        catch (ChannelClosedException)
        {
            // The node is stopping and its writer has drained the queue: a request still finishing stores its own record.
            await database.Store([record]);
        }
    }

    /// <summary>Waits until every record queued before this call is stored, so a read of the log sees them.</summary>
    public async Task Flush(CancellationToken ct)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _pending.Writer.WriteAsync(stored, ct);
        await stored.Task.WaitAsync(ct);
    }

    /// <summary>No more records: the writer stores what is queued and stops.</summary>
    public void Complete() => _pending.Writer.TryComplete();

    /// <summary>The case a read touched, when the route does not name it (a search, a subject): for the log's <c>case</c> filter.</summary>
    public static void NoteCase(HttpContext context, Guid caseId)
    {
        if (context.Features.Get<AccessAuditFeature>() is { } feature)
            feature.CaseId = caseId;
    }

    /// <summary>What a lookup that answered 200 actually gave the caller (<see cref="AccessOutcomes.NotFound"/>: nothing it may see).</summary>
    public static void NoteOutcome(HttpContext context, string outcome)
    {
        if (context.Features.Get<AccessAuditFeature>() is { } feature)
            feature.Outcome = outcome;
    }

    public static void NoteProblemType(HttpContext context, string? type)
    {
        if (context.Features.Get<AccessAuditFeature>() is { } feature)
            feature.ProblemType = type;
    }

    /// <summary>Notes on the current request that its write recorded itself (where the writer ran outside the request).</summary>
    public void MarkRecorded()
    {
        if (http.HttpContext?.Features.Get<AccessAuditFeature>() is { } feature)
            feature.Recorded = true;
    }
}

/// <summary>Access records not stored yet: how many, and the instant of the oldest.</summary>
public sealed record Unstored(int Count, DateTimeOffset? Oldest);

/// <summary>
/// What a request noted for its access record, set by <see cref="AccessAuditMiddleware"/> before the endpoint runs.
/// A feature rather than <c>HttpContext.Items</c> because a batch's items are written side by side and all mark it.
/// </summary>
public sealed class AccessAuditFeature
{
    private volatile bool _recorded;

    /// <summary>Whether the request already recorded what it did (a write), so the request itself is not recorded again.</summary>
    public bool Recorded { get => _recorded; set => _recorded = value; }

    public Guid? CaseId { get; set; }
    public string? ProblemType { get; set; }
    public string? Outcome { get; set; }
}
