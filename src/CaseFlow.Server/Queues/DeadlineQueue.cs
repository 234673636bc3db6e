using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Complaints;
using CaseFlow.Server.Security;
using Marten;

namespace CaseFlow.Server.Queues;

/// <summary>
/// The deadline queue: cases (<see cref="SupervisorQueues.Deadlines"/>) and complaints whose reporting deadlines are
/// missed or at risk, merged in one order (deadline, then id as PostgreSQL orders uuids, so the keyset cursor pages
/// both). A complaint belongs to no program model, so a <c>model</c> filter leaves complaints out.
/// </summary>
public static class DeadlineQueue
{
    public const string ComplaintColumn = "deadline_at";

    public static async Task<IReadOnlyList<QueueEntry<DeadlineQueueItem>>> Fetch(
        IQuerySession session, QueueQuery query, CallerScope scope, QueueMoment moment, CancellationToken ct)
    {
        var cases = SupervisorQueues.Deadlines;
        var until = cases.Until(moment);
        // Both pages in one round trip. The cases' window is applied to the rows read, not in SQL: a prepared statement's
        // generic plan for "deadline_at <= $n" expects few rows and sorts a bitmap scan of the office's whole queue, where
        // the office's index in queue order reads limit + 1 rows; rows past the window come last in that order, and few
        // wait there (an open deadline falls due within days of its start: a detainer's notice, a claim's report, a hold's end).
        var batch = session.CreateBatchQuery();
        var (casesSql, caseValues) = QueueReader.ViewsSql(session, cases.Column, query, scope, until: null);
        var caseRows = batch.Query<QueueViewRow>(casesSql, caseValues);
        var (complaintsSql, complaintValues) = QueueReader.Where(ComplaintColumn, query, scope, until);
        var complaintRows = query.Model is null ? batch.Query<Complaint>(complaintsSql, complaintValues) : Task.FromResult<IReadOnlyList<Complaint>>([]);
        await batch.Execute(ct);
        var (rows, complaints) = (await caseRows, await complaintRows);
        return [.. QueueViewRow.Written(rows).Where(r => r.At <= until).Select(r => new QueueEntry<DeadlineQueueItem>(r.At, r.View.Case.CaseId, () => cases.Item(r.View, moment)))
            .Concat(complaints.Select(c => new QueueEntry<DeadlineQueueItem>(c.DeadlineAt!.Value, c.Id, () =>
                new DeadlineQueueItem(null, QueueComplaint.Of(c), DeadlineState.Pending(c.Deadlines(moment.Now), moment)))))
            .OrderBy(e => e.At).ThenBy(e => e.Id.ToString("N"), StringComparer.Ordinal)
            .Take(query.Limit + 1)];
    }
}
