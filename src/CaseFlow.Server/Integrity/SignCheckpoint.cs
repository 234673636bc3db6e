using CaseFlow.Server.Audit;
using CaseFlow.Server.Integrity.Checkpoints;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Integrity;

/// <summary>What an on-demand checkpoint round signed (nothing when no event was recorded since the last one) and the latest checkpoint.</summary>
public sealed record CheckpointRound(IReadOnlyList<CheckpointView> Signed, CheckpointView? Latest);

public static class SignCheckpointEndpoint
{
    /// <summary>
    /// Signs a checkpoint now over the events recorded since the last one, up to the projection daemon's high-water
    /// mark, after verifying them (409 <c>segment-does-not-verify</c>, naming each event that does not, signs nothing).
    /// Auditors and admins.
    /// </summary>
    [WolverinePost("/api/audit/checkpoints", Name = "SignCheckpoint")]
    [Authorize(Policy = Policies.SignCheckpoints)]
    [AccessAudited("checkpoints")]
    [ProducesResponseType<CheckpointRound>(200)]
    [ProducesResponseType(409)]
    [ProducesResponseType(503)]
    public static async Task<IResult> Post(CheckpointSigner signer, Checkpointing checkpointing, CancellationToken ct)
    {
        if (!checkpointing.CanSign)
            return IntegrityProblems.NotConfigured();
        var outcome = await signer.Sign(ct);
        if (outcome.Refusal.Count > 0)
        {
            return Results.Problem(statusCode: 409, type: $"{ProblemTypes.Prefix}segment-does-not-verify", title: "The events since the last checkpoint do not verify",
                detail: "Nothing was signed: the events listed in findings do not hold against the last signed checkpoint.",
                extensions: new Dictionary<string, object?> { ["retryable"] = false, ["findings"] = outcome.Refusal.Take(StoreVerifier.FindingsListed).ToList() });
        }

        return Results.Ok(new CheckpointRound(
            outcome.Signed.Select(CheckpointView.Of).ToList(), outcome.Latest is null ? null : CheckpointView.Of(outcome.Latest)));
    }
}

/// <summary>Problems shared by the checkpoint endpoints.</summary>
public static class IntegrityProblems
{
    public const string NotConfiguredCode = "checkpoints-not-configured";

    public static IResult NotConfigured() =>
        Results.Problem(statusCode: 503, type: $"{ProblemTypes.Prefix}{NotConfiguredCode}", title: "Checkpoints are not configured on this node",
            detail: "This node has no checkpoint folder and key (Checkpoints:Folder, Checkpoints:SigningKey).",
            extensions: new Dictionary<string, object?> { ["retryable"] = false });
}
