using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CaseFlow.Server.Platform;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> and its reference page at <c>/docs</c>, both anonymous. The
/// document declares the bearer token every API call needs, so the reference page can send one.
/// </summary>
public static class OpenApiSetup
{
    private const string Bearer = "Bearer";

    public static void AddCaseFlowOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CaseFlow API";
            document.Info.Description = "287(g) case processing: bookings, screenings, detainers, charging documents and supervisory review as event streams.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from the OIDC authority (locally: ./ops/token ROLE ...).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
            return Task.CompletedTask;
        }));

    public static void MapCaseFlowOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("CaseFlow API")).AllowAnonymous();
    }
}
