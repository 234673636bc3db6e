using System.Linq.Expressions;
using CaseFlow.Domain.Complaints;
using Marten;
using Marten.Schema;

namespace CaseFlow.Server.Queues;

/// <summary>
/// The columns of <see cref="CaseQueueRow"/> (and of <see cref="Complaint"/>, for the deadline queue) that queues and
/// the case search filter and sort on, each indexed. The
/// table is declared the way the projection stores it (numeric revisions), so a node that does not run the projection
/// has the same schema as one that does.
/// </summary>
public static class CaseQueueSchema
{
    public static void Configure(StoreOptions opts)
    {
        var rows = opts.Schema.For<CaseQueueRow>()
            .UseNumericRevisions(true)
            .Duplicate(r => r.Ori)
            .Duplicate(r => r.FieldOfficeCode)
            .Duplicate(r => r.Model)
            .Duplicate(r => r.Status)
            .Duplicate(r => r.BookedAt)
            .Duplicate(r => r.ReviewAt!, configure: OnlyWhereSet("review_at"))
            .Duplicate(r => r.DetainerAt!, configure: OnlyWhereSet("detainer_at"))
            .Duplicate(r => r.ReleaseAt!, configure: OnlyWhereSet("release_at"))
            .Duplicate(r => r.DeadlineAt!, configure: OnlyWhereSet("deadline_at"))
            .Duplicate(r => r.ClaimAt!, configure: OnlyWhereSet("claim_at"))
            .Duplicate(r => r.ExceptionAt!, configure: OnlyWhereSet("exception_at"));

        // A supervisor's first page is "this field office's rows on the queue, in the queue's order": one partial index
        // per queue in exactly that order answers it by reading 51 index entries, where the single-column indexes
        // (kept for auditors, who read every field office) make PostgreSQL intersect and sort the whole queue.
        foreach (var (queue, column) in new (Expression<Func<CaseQueueRow, object>> Member, string Column)[]
                 {
                     (r => r.ReviewAt!, "review_at"), (r => r.DetainerAt!, "detainer_at"), (r => r.ReleaseAt!, "release_at"),
                     (r => r.DeadlineAt!, "deadline_at"), (r => r.ClaimAt!, "claim_at"),
                 })
        {
            rows.Index([r => r.FieldOfficeCode, queue, r => r.Id], index =>
            {
                index.Name = $"mt_doc_casequeuerow_office_{column}";
                index.Predicate = $"{column} is not null";
            });
        }

        // Complaints join the deadline queue (DeadlineQueue) through the same scope and order columns.
        opts.Schema.For<Complaint>()
            .Duplicate(c => c.Ori)
            .Duplicate(c => c.FieldOfficeCode)
            .Duplicate(c => c.DeadlineAt!)
            .Index([c => c.FieldOfficeCode, c => c.DeadlineAt!, c => c.Id], index =>
            {
                index.Name = $"mt_doc_complaint_office_{DeadlineQueue.ComplaintColumn}";
                index.Predicate = $"{DeadlineQueue.ComplaintColumn} is not null";
            });
    }

    /// <summary>
    /// A queue's instant is indexed only on the rows that are on that queue: every reader asks for
    /// <c>column is not null</c>, and most cases (closed ones above all) are on none, so entries for the nulls would only
    /// make the indexes larger as closed cases pile up (docs/benchmarks.md, "The feed handed only its decisions, and the
    /// loader's workers do not spin").
    /// </summary>
    private static Action<DocumentIndex> OnlyWhereSet(string column) => index => index.Predicate = $"{column} is not null";
}
