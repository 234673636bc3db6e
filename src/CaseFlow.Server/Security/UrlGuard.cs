namespace CaseFlow.Server.Security;

/// <summary>
/// Refuses URLs whose path or query values hold control characters (<c>%00</c> and the like), before any endpoint
/// reads them: nobody types them, PostgreSQL cannot store U+0000, and log lines should not carry them. JSON bodies
/// are held to the same rule by the serializer.
/// </summary>
public static class UrlGuard
{
    public static void UseCaseFlowUrlGuard(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (HasControlCharacters(context.Request.Path.Value)
            || context.Request.Query.Any(q => HasControlCharacters(q.Key) || q.Value.Any(HasControlCharacters)))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status400BadRequest,
                    Type = "urn:caseflow:problem:invalid-request",
                    Title = "The request is not valid",
                    Detail = "The URL may not contain control characters.",
                },
            });
            return;
        }

        await next(context);
    });

    private static bool HasControlCharacters(string? text) => text is not null && text.Any(char.IsControl);
}
