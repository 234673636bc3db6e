namespace CaseFlow.Server.Platform;

/// <summary>Problem answers shared by many endpoints.</summary>
public static class Problems
{
    /// <summary>The caller may not do this (a role, an identity), said with a stable type.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails Forbidden(string code, string title, string detail) => new()
    {
        Status = 403,
        Type = $"urn:caseflow:problem:{code}",
        Title = title,
        Detail = detail,
        Extensions = { ["retryable"] = false },
    };

    /// <summary>Unknown, or outside the caller's scope: the two are answered alike so existence is not revealed.</summary>
    public static IResult NotFound(string noun) =>
        Results.Problem(statusCode: 404, type: $"urn:caseflow:problem:{noun}-not-found", title: $"No such {noun}",
            detail: $"No {noun} with this id is visible to you.", extensions: new Dictionary<string, object?> { ["retryable"] = false });
}
