using Alba;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Faults below the service, on a database of its own since tables are taken away: the access log cannot be written
/// for a while (CJIS AU-5), and a read fails inside the database.
/// </summary>
public sealed class DatabaseFaultTests(AppFixture app) : IAsyncLifetime
{
    private readonly string _database = $"caseflow_faults_{Guid.NewGuid():N}"[..30];
    private string _connectionString = "";
    private IAlbaHost _node = null!;

    /// <summary>The writer's report that queued records could not be stored (it has set the failing state just before).</summary>
    private readonly LogSignal _storeFailed = new(typeof(AccessLogWriter).FullName!, LogLevel.Error);

    public async ValueTask InitializeAsync()
    {
        _connectionString = await TestDatabases.Create(_database);
        _node = await app.StartNode(x =>
        {
            x.UseSetting("ConnectionStrings:Marten", _connectionString);
            x.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(_storeFailed));
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        await TestDatabases.Drop(_database);
    }

    [Fact]
    public async Task reads_during_an_outage_wait_in_the_queue_readiness_says_so_and_nothing_is_lost()
    {
        var jail = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend, subject: $"jail-{Guid.NewGuid():N}");
        var caseId = await _node.StartCase(jail);
        var log = _node.Services.GetRequiredService<AccessLog>();
        var admin = new NpgsqlConnectionStringBuilder(TestDatabases.AdminConnectionString) { Database = _database }.ConnectionString;

        await TestDatabases.Execute(admin, "alter table caseflow_audit.access_log rename to access_log_away");
        await _node.GetAs(jail, $"/api/cases/{caseId}");
        await _storeFailed.Logged.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var duringOutage = await _node.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBe(503);
        });

        await TestDatabases.Execute(admin, "alter table caseflow_audit.access_log_away rename to access_log");
        await log.Flush(TestContext.Current.CancellationToken);

        (await duringOutage.ReadAsTextAsync()).ShouldBe("Unhealthy");
        duringOutage.Context.Response.Headers.RetryAfter.ToString().ShouldBe(((int)ServiceUnavailable.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        log.Failing.ShouldBeFalse();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand(
            $"select count(*) from {AccessLogTable.Name} where case_id = @id and action = 'GET /api/cases/{{caseId}}'", connection) { Parameters = { new("id", caseId) } };
        ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(1);
    }

    [Fact]
    public async Task a_database_that_refuses_connections_is_a_retryable_503_with_retry_after_as_the_document_declares()
    {
        var jail = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend, subject: $"jail-{Guid.NewGuid():N}");
        var caseId = await _node.StartCase(jail);
        // The application's role may open no connection to the database, and the ones it holds are closed.
        await TestDatabases.Execute(TestDatabases.AdminConnectionString, $"alter database {_database} connection limit 0");
        await TestDatabases.Execute(TestDatabases.AdminConnectionString,
            $"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{_database}' and pid <> pg_backend_pid()");

        var refused = await _node.Scenario(s =>
        {
            s.Get.Url($"/api/cases/{caseId}");
            s.Bearer(jail);
            s.StatusCodeShouldBe(503);
        });
        await TestDatabases.Execute(TestDatabases.AdminConnectionString, $"alter database {_database} connection limit -1");

        var problem = System.Text.Json.Nodes.JsonNode.Parse(await refused.ReadAsTextAsync())!;
        ((string?)problem["type"]).ShouldBe(ProblemTypes.Prefix + ServiceUnavailable.DatabaseUnavailable);
        ((bool?)problem["retryable"]).ShouldBe(true);
        refused.Context.Response.Headers.RetryAfter.ToString().ShouldBe(((int)ServiceUnavailable.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var declared = (await Platform.OpenApiDocumentTests.Live(app))["paths"]!["/api/cases/{caseId}"]!["get"]!["responses"]!["503"]!;
        declared["headers"]!["Retry-After"].ShouldNotBeNull();
    }

    [Fact]
    public async Task a_server_error_is_a_problem_with_the_security_headers_and_is_audited_as_failed()
    {
        var subject = $"jail-{Guid.NewGuid():N}";
        var jail = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend, subject: subject);
        var caseId = await _node.StartCase(jail);
        var admin = new NpgsqlConnectionStringBuilder(TestDatabases.AdminConnectionString) { Database = _database }.ConnectionString;
        await TestDatabases.Execute(admin, "alter table caseflow.mt_doc_casefile rename to casefile_away");

        var result = await _node.Scenario(s =>
        {
            s.Get.Url($"/api/cases/{caseId}");
            s.Bearer(jail);
            s.StatusCodeShouldBe(500);
        });
        var headers = result.Context.Response.Headers;
        await _node.Services.GetRequiredService<AccessLog>().Flush(TestContext.Current.CancellationToken);

        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        (await result.ReadAsTextAsync()).ShouldNotContain("casefile", Case.Insensitive);
        headers.CacheControl.ToString().ShouldBe("no-store");
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
        headers.XFrameOptions.ToString().ShouldBe("DENY");
        headers.ContentSecurityPolicy.ToString().ShouldBe("default-src 'none'; frame-ancestors 'none'");
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand(
            $"select count(*) from {AccessLogTable.Name} where user_id = @user and case_id = @id and outcome = 'failed'", connection)
        {
            Parameters = { new("user", subject), new("id", caseId) },
        };
        ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(1);
    }
}
