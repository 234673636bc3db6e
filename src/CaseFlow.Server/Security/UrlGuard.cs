using CaseFlow.Server.Platform;

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
            await Problems.Write(context, StatusCodes.Status400BadRequest, "invalid-request", "The request is not valid",
                "The URL may not contain control characters.");
            return;
        }

        await next(context);
    });

    private static bool HasControlCharacters(string? text) => text is not null && text.Any(char.IsControl);
}
