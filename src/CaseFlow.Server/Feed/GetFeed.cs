using System.Globalization;
using System.Security.Claims;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Feed;

public static class GetFeedEndpoint
{
    /// <summary>
    /// What CaseFlow decided about the calling agency's cases, in order. <c>after</c> is the <c>next</c> of the page
    /// before; a client keeps it across restarts and misses nothing and sees nothing twice.
    /// </summary>
    [WolverineGet("/api/feed", Name = "GetFeed")]
    [Authorize(Policy = Policies.ReadFeed)]
    [AccessAudited("feed")]
    [ProducesResponseType<Page<FeedEntry>>(200)]
    public static async Task<IResult> Get([FromQuery] PageRequest page, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var limit = errors.Limit(page.Limit);
        var after = errors.Position("after", page.After);
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        var ori = CallerScope.From(user).Ori;
        var entries = await session.Query<FeedEntry>().Where(f => f.Ori == ori && f.Id > after).OrderBy(f => f.Id).Take(limit).ToListAsync(ct);
        var next = entries.Count > 0 ? entries[^1].Id : after;
        return Results.Ok(new Page<FeedEntry>(entries, next.ToString(CultureInfo.InvariantCulture)));
    }
}
