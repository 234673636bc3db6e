using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
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
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer(DescribeBearer);
            o.AddDocumentTransformer(OpenApiEvents.DescribeEnvelopes);
            o.AddDocumentTransformer(OpenApiOperations.DescribeTags);
            o.AddDocumentTransformer(OpenApiSchemas.AddListItemComponents);
            o.AddDocumentTransformer(OpenApiHistory.TypeHistoryData);
            o.AddDocumentTransformer(OpenApiSharedSchemas.ShareUnionsAndRecords);
            o.AddDocumentTransformer(OpenApiStatuses.DescribeProblem);
            o.AddDocumentTransformer(OpenApiSharedSchemas.ShareEnums);
            o.AddOperationTransformer(CamelCaseQueryParameters);
            o.AddOperationTransformer(OpenApiSharedSchemas.MarkEnumParameters);
            o.AddOperationTransformer(OpenApiOperations.NameAndTag);
            o.AddOperationTransformer(OpenApiStatuses.DeclareStatuses);
            o.AddOperationTransformer(OpenApiSchemas.TypeTextParameters);
            o.AddOperationTransformer(ReadAsAttribute.TypeParameters);
            o.AddOperationTransformer(RefusesQueryAttribute.Omit);
            o.AddOperationTransformer(Statistics.StatisticsCsv.DescribeCsv);
            o.AddOperationTransformer(Reports.AnswersReportFormsAttribute.Describe);
            o.AddOperationTransformer(Reports.AnswersPublicVariantAttribute.Describe);
            o.AddSchemaTransformer(OpenApiSchemas.TypeConvertedValues);
            o.AddSchemaTransformer(OpenApiSharedSchemas.Mark);
        });

    /// <summary>Query parameters bound from records are named as clients write them (<c>aNumber</c>, not <c>ANumber</c>).</summary>
    private static Task CamelCaseQueryParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && !string.IsNullOrEmpty(parameter.Name))
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name);
        }

        return Task.CompletedTask;
    }

    private static Task DescribeBearer(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "CaseFlow API";
        document.Info.Description = "287(g) case processing: bookings, screenings, detainers, charging documents and supervisory review as event streams.";
        // A relative server: the committed document holds for every deployment (clients set their base address).
        document.Servers = [new OpenApiServer { Url = "/", Description = "The CaseFlow deployment the client is configured for." }];
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
    }

    public static void MapCaseFlowOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("CaseFlow API")).AllowAnonymous();
    }
}
