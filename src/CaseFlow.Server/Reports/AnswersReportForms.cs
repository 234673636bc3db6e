using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace CaseFlow.Server.Reports;

/// <summary>The endpoint answers a report as JSON, as one CSV table (<c>Accept: text/csv</c>) or as the page (<c>Accept: text/html</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnswersReportFormsAttribute : Attribute
{
    /// <summary>Declares the CSV and HTML forms of the 200 answer beside the JSON on the operations of endpoints marked with this attribute.</summary>
    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var chain = context.Description.ActionDescriptor.EndpointMetadata.OfType<HttpChain>().SingleOrDefault();
        if (chain?.Method.Method.GetCustomAttribute<AnswersReportFormsAttribute>() is not null && operation.Responses?.GetValueOrDefault("200")?.Content is { } content)
        {
            content[ReportCsv.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "One table (table=): RFC 4180 lines under the header line docs/reports.md gives for it." },
            };
            content[ReportHtml.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The printable page: inline style and SVG charts, nothing to load." },
            };
        }

        return Task.CompletedTask;
    }
}
