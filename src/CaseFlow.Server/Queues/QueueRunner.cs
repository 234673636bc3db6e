using System.Security.Claims;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Queues;

/// <summary>Answers a queue request: the filter checked, the wait for the position asked for, one page in the caller's scope.</summary>
public sealed class QueueRunner(QueueFreshness freshness, TimeProvider clock, IOptions<QueueOptions> options)
{
    public async Task<Results<Ok<QueuePage<TItem>>, ProblemHttpResult>> Read<TItem>(
        SupervisorQueue<TItem> queue, QueueFilter filter, ClaimsPrincipal user, IQuerySession session, CancellationToken ct, FieldErrors? errors = null)
    {
        errors ??= new FieldErrors();
        if (QueueQuery.Read(filter, errors) is not { } query)
            return TypedResults.Problem(errors.ToProblem());

        var (position, stale) = await freshness.Reach(query.Position, ct);
        var moment = new QueueMoment(clock.GetUtcNow(), options.Value.ReviewClaimLifetime);
        var rows = await QueueReader.Page(session, queue.Column, query, CallerScope.From(user), queue.Until(moment), ct);
        var page = Paging.ToPage(rows, query.Limit, r => QueueQuery.Key(queue.SortedBy(r)!.Value, r.Id));
        return TypedResults.Ok(new QueuePage<TItem>(page.Items.Select(r => queue.Item(r, moment)).ToList(), page.Next, position, stale));
    }
}
