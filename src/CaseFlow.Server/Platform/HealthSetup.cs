using Marten;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseFlow.Server.Platform;

/// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers, its schema is current (<see cref="SchemaComparison"/>) and the access log can be written.</summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    public static void AddCaseFlowHealth(this IServiceCollection services)
    {
        services.AddSingleton<SchemaComparison>();
        services.AddHostedService<SchemaComparisonAtStart>();
        services.AddHealthChecks()
            .AddCheck<DatabaseSchemaCheck>("database", tags: [Ready])
            .AddCheck<CaseFlow.Server.Audit.AccessLogCheck>("access-log", tags: [Ready])
            .AddCheck<CaseFlow.Server.Operations.DeadLetterCheck>("dead-letters", tags: [Ready])
            .AddCheck<CaseFlow.Server.Operations.ProjectionCheck>("projections", tags: [Ready]);
    }

    public static void MapCaseFlowHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteReadiness }).AllowAnonymous();
    }

    /// <summary>The status in plain text, as the default writer gives it; a node not ready (503) says when to ask again.</summary>
    private static Task WriteReadiness(HttpContext http, HealthReport report)
    {
        if (report.Status == HealthStatus.Unhealthy)
            ServiceUnavailable.SetRetryAfter(http.Response);
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync(report.Status.ToString());
    }
}

public sealed class DatabaseSchemaCheck(IDocumentStore store, SchemaComparison comparison) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using (var connection = store.Storage.Database.CreateConnection())
            {
                await connection.OpenAsync(cancellationToken);
                await using var ping = new Npgsql.NpgsqlCommand("select 1", connection);
                await ping.ExecuteScalarAsync(cancellationToken);
            }
            await comparison.Latest(cancellationToken);
            return HealthCheckResult.Healthy("The database answers and its schema matches this build.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The database is unreachable or its schema is not current: {e.GetType().Name}");
        }
    }
}
