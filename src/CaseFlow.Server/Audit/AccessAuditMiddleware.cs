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
    public Task InvokeAsync(HttpContext context)
    {
        var noted = new AccessAuditFeature();
        context.Features.Set(noted);
        // Routing has run: the endpoint and route values are taken now, since the exception handler clears them.
        var endpoint = context.GetEndpoint();
        var route = new RouteValueDictionary(context.Request.RouteValues);
        // Recorded as the answer starts (an exception's 500 included): no answer leaves before its record is queued,
        // so a node that stops after answering still stores it.
        context.Response.OnStarting(() => Record(context, noted, endpoint, route, context.Response.StatusCode));
        return next(context);
    }

    private async Task Record(HttpContext context, AccessAuditFeature noted, Endpoint? endpoint, RouteValueDictionary route, int status)
    {
        // A write that recorded itself, unless it then failed (its record rolled back with it). Rate-limited requests
        // are not recorded: a flood would write to the log at the flood's rate.
        if ((noted.Recorded && status < 500) || status == StatusCodes.Status429TooManyRequests)
            return;

        var audited = endpoint?.Metadata.GetMetadata<AccessAuditedAttribute>();
        var isWrite = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
        var worthRecording = audited is not null
            || status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or >= 500
            || (endpoint is not null && isWrite && status >= 400);
        if (!worthRecording)
            return;

        var caseId = noted.CaseId
            ?? (route.TryGetValue("caseId", out var routeCase) && Guid.TryParse(routeCase?.ToString(), out var id) ? id : null);
        var record = audited?.RecordOf(route) ?? AccessLog.RecordOf(caseId);
        // The route's pattern names the action without the values in it ("GET /api/cases/{caseId}"); a path that
        // matched no route is not copied, since it could hold anything a caller typed.
        var action = $"{context.Request.Method} {(endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)"}";
        var caller = context.User.Identity?.IsAuthenticated == true
            ? CallerScope.From(context.User)
            : new CallerScope("anonymous", "", null, null, null);
        await log.Record(log.Describe(caller, record, caseId, action, OutcomeOf(context, status, noted)));
    }

    private static string OutcomeOf(HttpContext context, int status, AccessAuditFeature noted) => status switch
    {
        StatusCodes.Status401Unauthorized => context.Request.Headers.Authorization.Count > 0
            ? AccessOutcomes.AuthenticationFailed
            : AccessOutcomes.NoCredentials,
        StatusCodes.Status403Forbidden => AccessOutcomes.Denied,
        StatusCodes.Status404NotFound => AccessOutcomes.NotFound,
        < 400 => noted.Outcome ?? AccessOutcomes.Allowed,
        >= 500 => AccessOutcomes.Failed,
        _ => AccessOutcomes.Refused(noted.ProblemType, status),
    };
}
