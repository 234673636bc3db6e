using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CaseFlow.Server.Platform;

/// <summary>
/// <c>Telemetry:Prometheus</c>: the optional scrape endpoint. Off unless <see cref="Enabled"/>; on, it needs a
/// <see cref="ScrapeToken"/> (at least 32 characters), which Prometheus sends as the password of HTTP Basic
/// authentication (<c>basic_auth.password_file</c>; any user name).
/// </summary>
public sealed class PrometheusOptions
{
    public const string Section = "Telemetry:Prometheus";
    public const int MinTokenLength = 32;

    public bool Enabled { get; set; }
    public string? ScrapeToken { get; set; }

    public static PrometheusOptions? EnabledIn(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<PrometheusOptions>();
        if (options is not { Enabled: true })
            return null;
        if (options.ScrapeToken is not { Length: >= MinTokenLength })
        {
            throw new InvalidOperationException(
                $"{Section}:Enabled is true but {Section}:ScrapeToken is missing or shorter than {MinTokenLength} characters: the metrics endpoint is never open to anyone.");
        }

        return options;
    }
}

/// <summary>
/// <c>GET /metrics</c>, the OpenTelemetry Prometheus exporter's scrape endpoint, mapped only when
/// <c>Telemetry:Prometheus:Enabled</c>. Not part of the API (left out of the OpenAPI document) and not behind a
/// person's token: a scraper cannot renew an OIDC token every hour, so it holds a static scrape token instead, checked
/// here in constant time. Anything else is 401 (and recorded in the access log as a failed authentication).
/// Metrics carry no case, agency or person, but they do tell the program's volume, so they are not public.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static void MapCaseFlowMetrics(this WebApplication app)
    {
        if (PrometheusOptions.EnabledIn(app.Configuration) is not { } options)
            return;
        var token = Encoding.UTF8.GetBytes(options.ScrapeToken!);
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                if (Presents(context.Request, token))
                {
                    await next(context);
                    return;
                }

                context.Response.Headers.WWWAuthenticate = "Basic realm=\"caseflow-metrics\"";
                await Problems.Write(context, StatusCodes.Status401Unauthorized, ProblemTypes.ForStatus(401), "The scrape token is missing or wrong",
                    "Send the metrics scrape token as the password of HTTP Basic authentication.");
            }), optionsName: null)
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static bool Presents(HttpRequest request, byte[] token)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return false;
        byte[] credentials;
        try
        {
            credentials = Convert.FromBase64String(header.Parameter);
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = Array.IndexOf(credentials, (byte)':');
        return colon >= 0 && CryptographicOperations.FixedTimeEquals(credentials.AsSpan(colon + 1), token);
    }
}
