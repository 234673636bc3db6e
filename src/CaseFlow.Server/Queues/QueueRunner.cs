using System.Security.Claims;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Queues;

/// <summary>One item of a queue page in the making: the key it is sorted and paged by, and the item it becomes if listed.</summary>
public sealed record QueueEntry<TItem>(DateTimeOffset At, Guid Id, Func<TItem> Item);

/// <summary>Answers a queue request: the filter checked, the wait for the position asked for, one page in the caller's scope.</summary>
public sealed class QueueRunner(QueueFreshness freshness, TimeProvider clock, IOptions<QueueOptions> options)
{
    public Task<Results<Ok<QueuePage<TItem>>, ProblemHttpResult>> Read<TItem>(
        SupervisorQueue<TItem> queue, QueueFilter filter, ClaimsPrincipal user, IQuerySession session, CancellationToken ct, FieldErrors? errors = null) =>
        Read<TItem>(filter, user, ct, errors, async (query, scope, moment) =>
            [.. QueueViewRow.Written(await QueueReader.Views(session, queue.Column, query, scope, queue.Until(moment), ct))
                .Select(r => new QueueEntry<TItem>(r.At, r.View.Case.CaseId, () => queue.Item(r.View, moment)))]);

    /// <param name="fetch">The first <c>limit + 1</c> entries after the query's cursor, in the queue's order, within the scope.</param>
    public async Task<Results<Ok<QueuePage<TItem>>, ProblemHttpResult>> Read<TItem>(
        QueueFilter filter, ClaimsPrincipal user, CancellationToken ct, FieldErrors? errors,
        Func<QueueQuery, CallerScope, QueueMoment, Task<IReadOnlyList<QueueEntry<TItem>>>> fetch)
    {
        errors ??= new FieldErrors();
        if (QueueQuery.Read(filter, errors) is not { } query)
            return TypedResults.Problem(errors.ToProblem());

        var (position, stale) = await freshness.Reach(query.Position, ct);
        var moment = new QueueMoment(clock.GetUtcNow(), options.Value.ReviewClaimLifetime);
        var entries = await fetch(query, CallerScope.From(user), moment);
        var page = Paging.ToPage(entries, query.Limit, e => QueueQuery.Key(e.At, e.Id));
        return TypedResults.Ok(new QueuePage<TItem>(page.Items.Select(e => e.Item()).ToList(), page.Next, position, stale));
    }
}
