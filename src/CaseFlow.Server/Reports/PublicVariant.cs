using System.Reflection;
using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Reports.Disclosure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace CaseFlow.Server.Reports;

/// <summary>
/// The public variant of a release (<c>?variant=public</c>, docs/disclosure.md): the JSON made and stored when the
/// release was approved, answered as stored, its SHA-256 the ETag.
/// </summary>
public static class PublicVariant
{
    public const string Name = "public";

    public const string Pending = "public-variant-pending";

    /// <summary>How long a client waits before asking again for a variant being made (docs/disclosure.md: 2 to 48 s).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    public static IResult Answer(ReleasedReport release, HttpContext http)
    {
        if (release.PublicVariant() is not { } document)
        {
            Platform.RetryAfterHeader.Set(http.Response, RetryAfter);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, type: Platform.ProblemTypes.Prefix + Pending, title: "The public variant is being made",
                detail: "The release was approved a moment ago and its public variant is still being made: ask again after Retry-After seconds.",
                extensions: new Dictionary<string, object?> { ["retryable"] = true });
        }

        http.Response.Headers.ETag = document.ETag;
        if (http.Request.Headers.IfNoneMatch.Contains(document.ETag))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Text(document.Json, ReportDocument.MediaType);
    }
}

/// <summary>The endpoint's JSON answer is the release or, with <c>variant=public</c>, its <see cref="PublicMonthlyReport"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnswersPublicVariantAttribute : Attribute
{
    /// <summary>Declares the JSON 200 answer of endpoints marked with this attribute as one of the release and its public variant.</summary>
    public static async Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var chain = context.Description.ActionDescriptor.EndpointMetadata.OfType<HttpChain>().SingleOrDefault();
        if (chain?.Method.Method.GetCustomAttribute<AnswersPublicVariantAttribute>() is null
            || operation.Responses?.GetValueOrDefault("200")?.Content is not { } content
            || !content.TryGetValue(ReportDocument.MediaType, out var json) || json.Schema is not { } released)
            return;
        if (context.Document is { } document)
            document.AddComponent(nameof(PublicMonthlyReport), await context.GetOrCreateSchemaAsync(typeof(PublicMonthlyReport), null, ct));
        json.Schema = new OpenApiSchema
        {
            Description = "The release as approved; with variant=public its public variant, small figures null (docs/disclosure.md).",
            OneOf = [released, new OpenApiSchemaReference(nameof(PublicMonthlyReport), context.Document)],
            Discriminator = new OpenApiDiscriminator
            {
                PropertyName = "kind",
                Mapping = new Dictionary<string, OpenApiSchemaReference>
                {
                    [ReportKinds.Report] = new(nameof(MonthlyReport), context.Document),
                    [ReportKinds.Public] = new(nameof(PublicMonthlyReport), context.Document),
                },
            },
        };
    }
}
