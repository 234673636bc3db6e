using System.Security.Claims;
using CaseFlow.Domain.Audit;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Audit;

/// <summary>The kind of finding asked for (every kind when left out).</summary>
public sealed record ExceptionKindFilter([property: NamesOf(typeof(ExceptionKind))] string? Kind = null);

public static class GetExceptionsEndpoint
{
    /// <summary>
    /// The control tests (docs/audit.md): findings that should be empty in a healthy program, each with its kind, the rule
    /// it breaks, the instants that make it and its case (case id, agency, booking number; never a person), oldest first,
    /// keyset-paged; filtered by <c>kind</c>, <c>ori</c>, <c>fieldOffice</c> and <c>model</c>. The cases' own findings
    /// come from the case read model, current up to <c>position</c> (as the queues); officers' acts from the events.
    /// </summary>
    [WolverineGet("/api/audit/exceptions", Name = "GetExceptions")]
    [Authorize(Policy = Policies.RunControlTests)]
    [AccessAudited("audit-exceptions")]
    public static async Task<Results<Ok<QueuePage<ExceptionItem>>, ProblemHttpResult>> Get(
        [FromQuery] QueueFilter filter, [FromQuery] ExceptionKindFilter kind, ClaimsPrincipal user, IQuerySession session,
        ExceptionFinder finder, QueueFreshness freshness, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var wanted = errors.Enum<ExceptionKind>("kind", kind.Kind);
        if (QueueQuery.Read(filter, errors) is not { } query)
            return TypedResults.Problem(errors.ToProblem());

        var (position, stale) = await freshness.Reach(query.Position, ct);
        var now = clock.GetUtcNow();
        var after = query.After is var (at, id) ? QueueQuery.Key(at, id) : null;
        var items = (await finder.All(session, query, CallerScope.From(user), now, ct))
            .Where(i => wanted is null || i.Finding.Kind == wanted)
            .Select(i => (Key: QueueQuery.Key(i.Finding.At.ToUniversalTime(), i.Finding.Id), Item: i))
            .Where(i => after is null || string.CompareOrdinal(i.Key, after) > 0)
            .OrderBy(i => i.Key, StringComparer.Ordinal)
            .Take(query.Limit + 1)
            .ToList();
        var page = Paging.ToPage(items, query.Limit, i => i.Key);
        return TypedResults.Ok(new QueuePage<ExceptionItem>([.. page.Items.Select(i => i.Item)], page.Next, position, stale));
    }
}
