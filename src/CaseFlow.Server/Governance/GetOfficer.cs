using System.Security.Claims;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace CaseFlow.Server.Governance;

public sealed record OfficerDetails(OfficerStanding Standing, Officer Record, IReadOnlyList<HistoryEvent> History);

public static class GetOfficerEndpoint
{
    /// <summary>An officer's standing now or <c>asOf</c> an instant ("was this officer authorized then"), record and history.</summary>
    [WolverineGet("/api/officers/{officerId}", Name = "GetOfficer")]
    [Authorize(Policy = Policies.ReadGovernance)]
    [ProducesResponseType<OfficerDetails>(200)]
    [ProducesResponseType(404)]
    public static async Task<IResult> Get(
        Guid officerId, [ReadAs<InstantParameter>] string? asOf, ClaimsPrincipal user, IQuerySession session, StoredEventRows rows, TimeProvider clock,
        IOptions<GovernanceOptions> governance, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var instant = errors.Instant("asOf", asOf, clock.GetUtcNow());
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        var officer = await session.LoadAsync<Officer>(officerId, ct);
        if (officer is null || !CallerScope.From(user).CanSee(officer))
            return Problems.NotFound("officer");

        var timeZoneOf = await AgencyTimeZones.Of(session, [officer.Ori], ct);
        return Results.Ok(new OfficerDetails(OfficerStanding.Of(officer, instant, governance.Value.Refresher, timeZoneOf(officer.Ori)), officer,
            await History.Of(rows, officerId, ct)));
    }
}
