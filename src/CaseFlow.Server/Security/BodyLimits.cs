using CaseFlow.Server.Platform;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace CaseFlow.Server.Security;

/// <summary>
/// Request bodies are bounded per endpoint before anything reads them: 64 KiB by default (one envelope, a booking
/// with fifty charges, is a few KiB), or what the endpoint declares with <c>[RequestSizeLimit]</c> (the batch). A
/// declared length over the limit is refused at once; a chunked body is cut off by the server at the limit.
/// </summary>
public static class BodyLimits
{
    public const long DefaultBytes = 64 * 1024;
    public const string ProblemCode = "body-too-large";

    public static void UseCaseFlowBodyLimits(this WebApplication app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultBytes;
        if (context.Request.ContentLength > limit)
        {
            await Problems.Write(context, StatusCodes.Status413PayloadTooLarge, ProblemCode, "The request body is too large",
                $"This endpoint reads at most {limit} bytes.", ("maxBytes", limit));
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        await next(context);
    });
}
