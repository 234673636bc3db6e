using Marten;

namespace CaseFlow.Server.Queues;

/// <summary>The columns of <see cref="CaseQueueRow"/> that queues and the case search filter and sort on, each indexed.</summary>
public static class CaseQueueSchema
{
    public static void Configure(StoreOptions opts) =>
        opts.Schema.For<CaseQueueRow>()
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
