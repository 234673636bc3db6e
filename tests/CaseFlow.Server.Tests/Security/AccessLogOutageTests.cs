using Alba;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// The access log cannot be written for a while (CJIS AU-5): the node says so in readiness, keeps the queued
/// records, and stores them once the log is back. On a database of its own, since the log is taken away.
/// </summary>
public sealed class AccessLogOutageTests(AppFixture app) : IAsyncLifetime
{
    private readonly string _database = $"caseflow_audit_outage_{Guid.NewGuid():N}"[..36];
    private string _connectionString = "";
    private IAlbaHost _node = null!;

    public async ValueTask InitializeAsync()
    {
        _connectionString = await TestDatabases.Create(_database);
        _node = await app.StartNode(x => x.UseSetting("ConnectionStrings:Marten", _connectionString));
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
        await Eventually(() => log.Failing);
        var duringOutage = await _node.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBe(503);
        });

        await TestDatabases.Execute(admin, "alter table caseflow_audit.access_log_away rename to access_log");
        await log.Flush(TestContext.Current.CancellationToken);

        (await duringOutage.ReadAsTextAsync()).ShouldBe("Unhealthy");
        log.Failing.ShouldBeFalse();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand(
            $"select count(*) from {AccessLogTable.Name} where case_id = @id and action = 'GET /api/cases/{{caseId}}'", connection) { Parameters = { new("id", caseId) } };
        ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(1);
    }

    /// <summary>Polls a condition the writer sets on its next attempt (it retries every second), up to 30 s.</summary>
    private static async Task Eventually(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
            await Task.Delay(50, timeout.Token);
    }
}
