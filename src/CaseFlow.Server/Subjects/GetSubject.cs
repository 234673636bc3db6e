using System.Security.Claims;
using System.Security.Cryptography;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Subjects;

/// <summary>A subject's identifiers, or null with the reason in <see cref="State"/> (sealed, erased).</summary>
public sealed record SubjectView(Guid SubjectRef, Guid CaseId, string State, SubjectIdentifiers? Identifiers);

public static class GetSubjectEndpoint
{
    /// <summary>The person's identifiers, decrypted for a caller who may see the case; withheld once sealed (but from auditors) or erased.</summary>
    [WolverineGet("/api/subjects/{subjectRef}", Name = "GetSubject")]
    [Authorize(Policy = Policies.ReadCases)]
    [AccessAudited("subject", "subjectRef")]
    [ProducesResponseType<SubjectView>(200)]
    [ProducesResponseType(404)]
    [ProducesResponseType(503)]
    public static async Task<IResult> Get(
        Guid subjectRef, ClaimsPrincipal user, IQuerySession session, SubjectVault vault, HttpContext http, CancellationToken ct)
    {
        var subject = await session.LoadAsync<VaultedSubject>(subjectRef, ct);
        if (subject is not null)
            AccessLog.NoteCase(http, subject.CaseId);
        if (subject is null || await CaseLookup.Visible(session, subject.CaseId, user, ct) is null)
            return Problems.NotFound("subject");

        var view = new SubjectView(subjectRef, subject.CaseId, SubjectAccess.Name(subject.State), null);
        if (!SubjectAccess.MayRead(subject.State, CallerScope.From(user)))
            return Results.Ok(view);
        try
        {
            return Results.Ok(view with { Identifiers = vault.Open(subject) });
        }
        catch (CryptographicException)
        {
            return Results.Problem(statusCode: 503, type: "urn:caseflow:problem:subject-key-unavailable", title: "The subject cannot be decrypted",
                detail: "The subject's data key is wrapped by a master key this node is not configured with (see docs/operations.md, master-key rotation).",
                extensions: new Dictionary<string, object?> { ["retryable"] = false });
        }
    }
}
