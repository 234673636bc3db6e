using System.Globalization;
using System.Threading.RateLimiting;
using CaseFlow.Server.Platform;
using Microsoft.AspNetCore.RateLimiting;

namespace CaseFlow.Server.Security;

/// <summary>Per-client request budgets: <c>RateLimits:PermitsPerSecond</c> sustained, <c>RateLimits:Burst</c> at once.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;
    public int PermitsPerSecond { get; set; } = 50;
    public int Burst { get; set; } = 200;
}

/// <summary>
/// A token bucket per authenticated client (the token's subject), or per remote address before authentication.
/// Buckets live in each node's memory, so a client's budget is per node. Health probes are not limited.
/// </summary>
public static class RateLimitSetup
{
    public static void AddCaseFlowRateLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !options.Enabled || context.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.Burst,
                        TokensPerPeriod = options.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            o.OnRejected = (context, cancellation) => Reject(context, cancellation);
        });
    }

    private static string ClientOf(HttpContext context) =>
        context.User.FindFirst(CaseFlowClaims.Subject)?.Value is { Length: > 0 } subject
            ? "client:" + subject
            : "address:" + context.Connection.RemoteIpAddress;

    private static async ValueTask Reject(OnRejectedContext context, CancellationToken cancellation)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.Write(http, StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests",
            $"This client has used its request budget on this node; retry after {seconds} s.");
    }
}
