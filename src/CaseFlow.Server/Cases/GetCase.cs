using System.Security.Claims;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Cases;

public static class GetCaseEndpoint
{
    /// <summary>The case summary (status, next steps, hold deadline, rules met), with its version as ETag; 404 when unknown or outside the caller's scope.</summary>
    [WolverineGet("/api/cases/{caseId}", Name = "GetCase")]
    [Authorize(Policy = Policies.ReadCases)]
    [AccessAudited("case", "caseId")]
    [ProducesResponseType<CaseSummary>(200)]
    [ProducesResponseType(404)]
    public static async Task<IResult> Get(Guid caseId, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var found = await CaseLookup.Visible(session, caseId, user, ct);
        if (found is null)
            return Problems.NotFound("case");
        response.Headers.ETag = WriteResults.ETag(found.Version);
        return Results.Ok(CaseSummary.Of(found, await CaseLookup.AgreementOf(session, found, ct), clock.GetUtcNow()));
    }
}

public static class CaseLookup
{
    public static async Task<CaseFile?> Visible(IQuerySession session, Guid caseId, ClaimsPrincipal user, CancellationToken ct) =>
        await session.LoadAsync<CaseFile>(caseId, ct) is { } found && CallerScope.From(user).CanSee(found) ? found : null;

    /// <summary>The agency's agreement for the case's model, for the summary's lapses.</summary>
    public static Task<Agreement?> AgreementOf(IQuerySession session, CaseFile found, CancellationToken ct) =>
        session.LoadAsync<Agreement>(AgreementId.For(found.Ori, found.Model), ct);
}
