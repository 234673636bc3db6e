using System.Security.Claims;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace CaseFlow.Server.Governance;

/// <summary>Filters of the roster: the agency's ORI, the officer's status now; cursor paging.</summary>
public sealed record RosterFilter(string? Ori = null, [property: NamesOf(typeof(OfficerStatus))] string? Status = null, [property: ReadAs<KeysetCursor>] string? After = null, string? Limit = null);

public static class ListOfficersEndpoint
{
    /// <summary>Rosters are small (an agency's designated officers), so status, which depends on the present moment, is filtered after reading.</summary>
    private const int MaxRoster = 10_000;

    /// <summary>The roster: each officer's certification, authorization and refresher due date, ordered by ORI and badge number.</summary>
    [WolverineGet("/api/officers", Name = "ListOfficers")]
    [Authorize(Policy = Policies.ReadGovernance)]
    [ProducesResponseType<Page<OfficerStanding>>(200)]
    public static async Task<IResult> Get(
        [FromQuery] RosterFilter filter, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, IOptions<GovernanceOptions> governance, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var status = errors.Enum<OfficerStatus>("status", filter.Status);
        var after = errors.Cursor(filter.After);
        var limit = errors.Limit(filter.Limit);
        var ori = errors.Ori("ori", filter.Ori);
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        var scope = CallerScope.From(user);
        var query = session.Query<Officer>().InReachOf(scope);
        if (ori is not null)
            query = query.Where(o => o.Ori == ori);
        if (after is not null)
            query = query.Where(o => o.Key.CompareTo(after) > 0);

        var now = clock.GetUtcNow();
        var officers = await query.OrderBy(o => o.Key).Take(MaxRoster).ToListAsync(ct);
        var timeZoneOf = await AgencyTimeZones.Of(session, officers.Select(o => o.Ori), ct);
        var standings = officers.Select(o => (o.Key, Standing: OfficerStanding.Of(o, now, governance.Value.Refresher, timeZoneOf(o.Ori))))
            .Where(s => status is null || s.Standing.Status == status)
            .Take(limit + 1)
            .ToList();
        var page = Paging.ToPage(standings, limit, s => s.Key);
        return Results.Ok(new Page<OfficerStanding>(page.Items.Select(s => s.Standing).ToList(), page.Next));
    }
}
