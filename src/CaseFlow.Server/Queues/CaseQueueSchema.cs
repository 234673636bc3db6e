using Marten;

namespace CaseFlow.Server.Queues;

/// <summary>
/// The columns of <see cref="CaseQueueRow"/> that queues and the case search filter and sort on, each indexed. The
/// table is declared the way the projection stores it (numeric revisions), so a node that does not run the projection
/// has the same schema as one that does.
/// </summary>
public static class CaseQueueSchema
{
    public static void Configure(StoreOptions opts) =>
        opts.Schema.For<CaseQueueRow>()
            .UseNumericRevisions(true)
            .Duplicate(r => r.Ori)
            .Duplicate(r => r.FieldOfficeCode)
            .Duplicate(r => r.Model)
            .Duplicate(r => r.Status)
            .Duplicate(r => r.BookedAt)
            .Duplicate(r => r.ReviewAt!)
            .Duplicate(r => r.DetainerAt!)
            .Duplicate(r => r.ReleaseAt!)
            .Duplicate(r => r.DeadlineAt!)
            .Duplicate(r => r.ClaimAt!);
}
