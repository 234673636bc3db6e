using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace CaseFlow.Server.Platform;

/// <summary>RFC 9457 problem details for every error, each saying whether a retry can help.</summary>
public static class ProblemDetailsSetup
{
    private static readonly HashSet<int> Retryable = [408, 409, 425, 429, 502, 503, 504];
    private const string UnreadableBody = "urn:caseflow:problem:unreadable-body";

    public static void AddCaseFlowProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (context.Exception is BadHttpRequestException bad)
            {
                // Malformed requests (unreadable JSON, a body too large): say what, never how the server failed.
                status = bad.StatusCode;
                problem.Status = status;
                problem.Title = "The request could not be read";
                problem.Detail = bad.Message;
                context.HttpContext.Response.StatusCode = bad.StatusCode;
            }
            else if (ServiceUnavailable.IsDatabaseUnavailable(context.Exception))
            {
                status = StatusCodes.Status503ServiceUnavailable;
                problem.Status = status;
                problem.Type = ProblemTypes.Prefix + ServiceUnavailable.DatabaseUnavailable;
                problem.Title = "The database is unavailable";
                problem.Detail = "CaseFlow cannot reach its database for the moment. Send the same request again after Retry-After; a write with the same event id is stored once.";
                context.HttpContext.Response.StatusCode = status;
                ServiceUnavailable.SetRetryAfter(context.HttpContext.Response);
            }
            else if (status == 400 && problem.Type == "https://httpstatuses.com/400")
            {
                // Wolverine's own answer to a body that is not JSON of the endpoint's shape; its detail names .NET types.
                problem.Type = UnreadableBody;
                problem.Title = "The request body could not be read";
                problem.Detail = ClientJsonErrors.Describe(problem.Detail);
            }
            else if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                // The pipeline's own answers (no token, a route that matches nothing, a server fault) get stable types too.
                problem.Type = ProblemTypes.Prefix + ProblemTypes.ForStatus(status);
            }

            problem.Extensions.TryAdd("retryable", Retryable.Contains(status));
            CaseFlow.Server.Audit.AccessLog.NoteProblemType(context.HttpContext, problem.Type);
            problem.Extensions.TryAdd("traceId", Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
        });

    public static void UseCaseFlowProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }
}
