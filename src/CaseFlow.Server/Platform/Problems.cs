namespace CaseFlow.Server.Platform;

/// <summary>Problem answers shared by many endpoints.</summary>
public static class Problems
{
    /// <summary>Unknown, or outside the caller's scope: the two are answered alike so existence is not revealed.</summary>
    public static IResult NotFound(string noun) =>
        Results.Problem(statusCode: 404, type: $"urn:caseflow:problem:{noun}-not-found", title: $"No such {noun}",
            detail: $"No {noun} with this id is visible to you.", extensions: new Dictionary<string, object?> { ["retryable"] = false });
}
