using Scalar.AspNetCore;

namespace CaseFlow.Server.Platform;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and its reference page at <c>/docs</c>, both anonymous.</summary>
public static class OpenApiSetup
{
    public static void AddCaseFlowOpenApi(this IServiceCollection services) => services.AddOpenApi();

    public static void MapCaseFlowOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("CaseFlow API")).AllowAnonymous();
    }
}
