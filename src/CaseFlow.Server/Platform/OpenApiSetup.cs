using System.Text.Json;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Intake;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
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
            o.AddDocumentTransformer(DescribeEventTypes);
            o.AddDocumentTransformer(OpenApiOperations.DescribeTags);
            o.AddDocumentTransformer(OpenApiSchemas.AddListItemComponents);
            o.AddDocumentTransformer(OpenApiStatuses.DescribeProblem);
            o.AddOperationTransformer(CamelCaseQueryParameters);
            o.AddOperationTransformer(OpenApiOperations.NameAndTag);
            o.AddOperationTransformer(OpenApiStatuses.DeclareStatuses);
            o.AddSchemaTransformer(OpenApiSchemas.TypeConvertedValues);
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
        // No server address: the committed document holds for every deployment (clients set their base address).
        document.Servers = [];
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

    /// <summary>
    /// The event endpoints take an envelope whose <c>data</c> depends on its <c>type</c>; each type's data gets its own
    /// schema (<c>CaseEvent.ScreeningOpened</c>, <c>OfficerEvent.…</c>), saying who may post it, with an example.
    /// </summary>
    private static async Task DescribeEventTypes(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (stream, kinds) in new[]
        {
            ("CaseEvent", CaseEventKinds.ByType), ("OfficerEvent", PostOfficerEventEndpoint.Kinds),
            ("AgreementEvent", PostAgreementEventEndpoint.Kinds), ("ComplaintEvent", PostComplaintEventEndpoint.Kinds),
        })
        {
            foreach (var (type, kind) in kinds)
            {
                var schema = await context.GetOrCreateSchemaAsync(kind.DataType, null, ct);
                schema.Description = $"data of a {type} envelope; posted by: {string.Join(", ", kind.Roles)}.";
                if (EventExamples.Case.GetValueOrDefault(type) is { } example)
                    schema.Examples = [JsonSerializer.SerializeToNode(example, example.GetType(), json)!];
                document.Components.Schemas[$"{stream}.{type}"] = schema;
            }
        }
    }

    public static void MapCaseFlowOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("CaseFlow API")).AllowAnonymous();
    }
}
