using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CaseFlow.Server.Platform;

/// <summary>
/// OpenTelemetry traces, metrics and logs from ASP.NET Core, Wolverine, Marten and Npgsql and CaseFlow's own meter,
/// exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the metrics also on <c>/metrics</c> for
/// Prometheus when <c>Telemetry:Prometheus:Enabled</c> (<see cref="MetricsEndpoint"/>). With neither nothing is
/// collected: spans and measurements that go nowhere would cost every request CPU for nothing.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "caseflow";

    /// <summary>
    /// The categories Wolverine logs a request body's JSON errors under: the body's type. Those errors quote what the
    /// client sent (a member's name could be an identifier), and the client already has its 400 problem; they stay out
    /// of the logs.
    /// </summary>
    private static readonly string[] RequestBodyCategories = new[] { typeof(Intake.EventEnvelope<>), typeof(Subjects.SubjectOrderRequest), typeof(Subjects.SubjectSearch) }
        .Select(t => t.FullName!.Split('`')[0])
        .ToArray();

    public static void AddCaseFlowTelemetry(this WebApplicationBuilder builder)
    {
        foreach (var category in RequestBodyCategories)
            builder.Logging.AddFilter(category, LogLevel.None);

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var prometheus = PrometheusOptions.EnabledIn(builder.Configuration) is not null;
        if (!otlp && !prometheus)
            return;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Marten", "Wolverine*", "Npgsql", Operations.CaseFlowMetrics.MeterName);
                if (prometheus)
                    m.AddPrometheusExporter();
            });
        if (!otlp)
            return;

        telemetry
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql()
                .AddSource("Wolverine", "Marten"))
            .WithLogging(_ => { }, o =>
            {
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = true;
            })
            .UseOtlpExporter();
    }
}
