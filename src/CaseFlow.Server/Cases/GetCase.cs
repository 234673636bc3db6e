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
        if (await CaseLookup.VisibleWithAgreement(session, caseId, user, ct) is not { } visible)
            return Problems.NotFound("case");
        var (found, agreement) = visible;
        response.Headers.ETag = WriteResults.ETag(found.Version);
        return Results.Ok(CaseSummary.Of(found, agreement, clock.GetUtcNow()));
    }
}

public static class CaseLookup
{
    public static async Task<CaseFile?> Visible(IQuerySession session, Guid caseId, ClaimsPrincipal user, CancellationToken ct) =>
        await session.LoadAsync<CaseFile>(caseId, ct) is { } found && CallerScope.From(user).CanSee(found) ? found : null;

    /// <summary>
    /// The case, if the caller may see it, with its agency's agreement for the summary's lapses, in one round trip: the
    /// booking stamped the case with that agreement's id (<see cref="AgreementId.For"/> of its agency and model).
    /// </summary>
    public static async Task<(CaseFile Case, Agreement? Agreement)?> VisibleWithAgreement(IQuerySession session, Guid caseId, ClaimsPrincipal user, CancellationToken ct)
    {
        var rows = await session.AdvancedSql.QueryAsync<CaseWithAgreement>(
            $"select jsonb_build_object('case', c.data, 'agreement', a.data) from {session.TableOf<CaseFile>()} c " +
            $"left join {session.TableOf<Agreement>()} a on a.id = (c.data ->> 'agreementId')::uuid where c.id = ?",
            ct, caseId);
        return rows is [var row] && CallerScope.From(user).CanSee(row.Case) ? (row.Case, row.Agreement) : null;
    }

    private sealed record CaseWithAgreement(CaseFile Case, Agreement? Agreement);

    /// <summary>The agency's agreement for the case's model, for the summary's lapses.</summary>
    public static Task<Agreement?> AgreementOf(IQuerySession session, CaseFile found, CancellationToken ct) =>
        session.LoadAsync<Agreement>(AgreementId.For(found.Ori, found.Model), ct);
}
