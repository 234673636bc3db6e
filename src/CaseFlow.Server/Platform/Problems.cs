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

    /// <summary>Answers a problem from middleware, before any endpoint runs, through the same problem-details writer.</summary>
    public static async Task Write(HttpContext context, int status, string code, string title, string detail, params (string Key, object? Value)[] extensions)
    {
        context.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Type = $"urn:caseflow:problem:{code}", Title = title, Detail = detail };
        foreach (var (key, value) in extensions)
            problem.Extensions[key] = value;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
