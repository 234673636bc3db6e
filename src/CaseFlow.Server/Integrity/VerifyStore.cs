using CaseFlow.Server.Audit;
using CaseFlow.Server.Integrity.Checkpoints;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace CaseFlow.Server.Integrity;

public static class VerifyStoreEndpoint
{
    /// <summary>
    /// Verifies the whole store, as <c>ops/verify</c> does, and answers its report: synchronous, bounded by
    /// <c>Checkpoints:VerificationBound</c> (503 <c>verification-too-long</c>: verify a larger store with ops/verify), one
    /// at a time per node (409 <c>verification-running</c>, retryable). Auditors only.
    /// </summary>
    [WolverineGet("/api/audit/integrity", Name = "VerifyStore")]
    [Authorize(Policy = Policies.VerifyIntegrity)]
    [AccessAudited("store-integrity")]
    [ProducesResponseType<StoreVerificationReport>(200)]
    [ProducesResponseType(409)]
    [ProducesResponseType(503)]
    public static async Task<IResult> Get(StoreVerifier verifier, IOptions<CheckpointOptions> options, CancellationToken ct)
    {
        try
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bound.CancelAfter(options.Value.VerificationBound);
            if (await verifier.VerifyIfIdle(bound.Token) is { } report)
                return Results.Ok(report);
            return Results.Problem(statusCode: 409, type: $"{ProblemTypes.Prefix}verification-running", title: "A verification is running",
                detail: "This node verifies the store for another request; ask again when it is done.", extensions: new Dictionary<string, object?> { ["retryable"] = true });
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Results.Problem(statusCode: 503, type: $"{ProblemTypes.Prefix}verification-too-long", title: "The store is too large to verify within the bound",
                detail: "Verify it with ops/verify, or raise Checkpoints:VerificationBound.", extensions: new Dictionary<string, object?> { ["retryable"] = false });
        }
    }
}
