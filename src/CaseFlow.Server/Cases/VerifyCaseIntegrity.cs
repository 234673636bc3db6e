using CaseFlow.Domain.Cases;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Cases;

/// <summary>
/// The verdict on a case's history: whether every event's hash still holds, the first version that does not, and
/// whether the chain still ends where the case summary says it ends (a removed last event shows there).
/// </summary>
public sealed record IntegrityReport(Guid CaseId, bool Intact, int EventsChecked, long? FirstBrokenVersion, bool HeadMatchesSummary);

public static class VerifyCaseIntegrityEndpoint
{
    /// <summary>
    /// Recomputes the case's hash chain from the stored events and says whether the history is intact and where it
    /// first broke. Auditors only.
    /// </summary>
    [WolverineGet("/api/cases/{caseId}/integrity", Name = "VerifyCaseIntegrity")]
    [Authorize(Policy = Policies.VerifyIntegrity)]
    [AccessAudited("case", "caseId")]
    [ProducesResponseType<IntegrityReport>(200)]
    [ProducesResponseType(404)]
    public static async Task<IResult> Get(Guid caseId, IQuerySession session, ChainVerifier verifier, CancellationToken ct)
    {
        var summary = await session.LoadAsync<CaseFile>(caseId, ct);
        if (summary is null)
            return Problems.NotFound("case");

        var verdict = await verifier.Verify(caseId, ct);
        var headMatches = verdict.Intact && verdict.LastGoodHash == summary.ChainHead;
        return Results.Ok(new IntegrityReport(caseId, verdict.Intact && headMatches, verdict.EventsChecked, verdict.FirstBrokenVersion, headMatches));
    }
}
