using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CaseFlow.Server.Audit;

public static class AccessAuditSetup
{
    public static void AddCaseFlowAccessAudit(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Marten")
            ?? throw new InvalidOperationException("ConnectionStrings:Marten is not configured (./ops/run sets it).");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(new AccessLogDatabase(NpgsqlDataSource.Create(connectionString)));
        builder.Services.AddSingleton<AccessLog>();
        builder.Services.AddOptions<AccessLogOptions>().Bind(builder.Configuration.GetSection(AccessLogOptions.Section))
            .Validate(o => o.Gathering >= TimeSpan.Zero && o.Gathering <= AccessLogOptions.MaxGathering,
                $"AccessLog:Gathering must be between 0 and {AccessLogOptions.MaxGathering.TotalSeconds} seconds.")
            .ValidateOnStart();
        builder.Services.AddHostedService<AccessLogWriter>();
        builder.Services.AddHostedService<AccessLogPartitions>();
    }

    /// <summary>After authentication (to know the caller), around everything that can refuse or answer.</summary>
    public static void UseCaseFlowAccessAudit(this WebApplication app) => app.UseMiddleware<AccessAuditMiddleware>();
}

/// <summary>Ready only if the access log can be written: a node that cannot audit must not serve.</summary>
public sealed class AccessLogCheck(AccessLogDatabase database, AccessLog log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // CJIS AU-5: an audit that cannot be written is an alarm; the records wait in memory, the node is taken out.
        if (log.Failing)
            return HealthCheckResult.Unhealthy("Queued access records could not be stored; the writer keeps retrying.");
        try
        {
            await using var command = database.DataSource.CreateCommand(
                $"select has_any_column_privilege('{AccessLogTable.Name}', 'INSERT')");
            return await command.ExecuteScalarAsync(cancellationToken) is true
                ? HealthCheckResult.Healthy("The access log can be written.")
                : HealthCheckResult.Unhealthy("The application's role may not insert into the access log.");
        }
        catch (PostgresException e)
        {
            return HealthCheckResult.Unhealthy($"The access log is missing (apply ops/sql/database.sql): {e.SqlState}");
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy($"The database is unreachable: {e.GetType().Name}");
        }
    }
}
