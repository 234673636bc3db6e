using System.Globalization;
using System.Security.Claims;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Cases;

public static class CaseHistoryEndpoint
{
    /// <summary>The case's events in order with their metadata, paged by version (<c>after</c> is the last version read).</summary>
    [WolverineGet("/api/cases/{caseId}/history", Name = "GetCaseHistory")]
    [Authorize(Policy = Policies.ReadCases)]
    [AccessAudited("case", "caseId")]
    [ProducesResponseType<Page<HistoryEvent>>(200)]
    [ProducesResponseType(404)]
    public static async Task<IResult> Get(
        Guid caseId, [FromQuery] PageRequest page, ClaimsPrincipal user, IQuerySession session, StoredEventRows rows, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var limit = errors.Limit(page.Limit);
        var after = errors.Position("after", page.After);
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        if (await CaseLookup.Visible(session, caseId, user, ct) is null)
            return Problems.NotFound("case");

        var stored = await rows.ForStream(caseId, after, limit + 1, ct);
        var items = stored.Take(limit).Select(HistoryEvent.From).ToList();
        var next = stored.Count > limit ? items[^1].Version.ToString(CultureInfo.InvariantCulture) : null;
        return Results.Ok(new Page<HistoryEvent>(items, next));
    }
}
