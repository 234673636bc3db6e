using CaseFlow.Server.Security;

namespace CaseFlow.Server.Audit;

/// <summary>
/// Records what a request's endpoint did not record itself: every call of an <see cref="AccessAuditedAttribute"/>
/// read, every failed authentication and permission denial, and every write refused before it reached the append
/// path (malformed input, a body too large), and every request that failed with a server error. Writes that reach the
/// append path record themselves.
/// </summary>
public sealed class AccessAuditMiddleware(RequestDelegate next, AccessLog log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var noted = new AccessAuditFeature();
        context.Features.Set(noted);
        try
        {
            await next(context);
        }
        catch (Exception) when (!noted.Recorded)
        {
            // The exception handler answers 500 once this has run; the access is recorded as failed, not lost.
            await Record(context, noted, StatusCodes.Status500InternalServerError);
            throw;
        }

        if (!noted.Recorded)
            await Record(context, noted, context.Response.StatusCode);
    }

    private async Task Record(HttpContext context, AccessAuditFeature noted, int status)
    {
        var endpoint = context.GetEndpoint();
        var audited = endpoint?.Metadata.GetMetadata<AccessAuditedAttribute>();
        var isWrite = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
        var worthRecording = audited is not null
            || status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or >= 500
            || (endpoint is not null && isWrite && status >= 400 && status != StatusCodes.Status429TooManyRequests);
        if (!worthRecording)
            return;

        var caseId = noted.CaseId
            ?? (context.Request.RouteValues.TryGetValue("caseId", out var routeCase) && Guid.TryParse(routeCase?.ToString(), out var id) ? id : null);
        var record = audited?.RecordOf(context.Request.RouteValues) ?? AccessLog.RecordOf(caseId);
        // The route's pattern names the action without the ids in it ("GET /api/cases/{caseId}").
        var action = $"{context.Request.Method} {(endpoint as RouteEndpoint)?.RoutePattern.RawText ?? Bounded(context.Request.Path.Value)}";
        var caller = context.User.Identity?.IsAuthenticated == true
            ? CallerScope.From(context.User)
            : new CallerScope("anonymous", "", null, null, null);
        await log.Record(log.Describe(caller, record, caseId, action, OutcomeOf(context, status, noted.ProblemType)));
    }

    private static string OutcomeOf(HttpContext context, int status, string? problemType) => status switch
    {
        StatusCodes.Status401Unauthorized => context.Request.Headers.Authorization.Count > 0
            ? AccessOutcomes.AuthenticationFailed
            : AccessOutcomes.NoCredentials,
        StatusCodes.Status403Forbidden => AccessOutcomes.Denied,
        StatusCodes.Status404NotFound => AccessOutcomes.NotFound,
        < 400 => AccessOutcomes.Allowed,
        >= 500 => AccessOutcomes.Failed,
        _ => AccessOutcomes.Refused(problemType, status),
    };

    private static string? Bounded(string? text) => text is { Length: > 200 } ? text[..200] : text;
}
