using System.Text.Json.Nodes;
using CaseFlow.Server.Reports;
using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;
using static CaseFlow.Server.Tests.Reports.ReportScenario;

namespace CaseFlow.Server.Tests.Reports;

/// <summary>
/// The public variant is made off the approval's request (a durable message sent with the approval), one release at a
/// time program-wide (a PostgreSQL advisory lock), each against every variant stored before it. The tests hold that
/// lock themselves, so what happens while a variant waits for it is seen without timing anything.
/// </summary>
public class PublicVariantDisclosureTests(AppFixture app)
{
    [Fact]
    public async Task an_approval_answers_at_once_and_its_public_variant_is_pending_until_the_disclosure_has_run()
    {
        const string month = "2023-03";
        var proposalId = await Propose(app, month);
        int version;
        await using (await HoldDisclosureLock())
        {
            version = await Approve(app, month, proposalId);
            var pending = await Read(app, $"/api/reports/monthly/{month}/released?version={version}&variant=public", status: 503);
            pending.Context.Response.Headers.RetryAfter.ToString().ShouldBe("10");
            var problem = JsonNode.Parse(await pending.ReadAsTextAsync())!;
            ((string?)problem["type"]).ShouldBe("urn:caseflow:problem:public-variant-pending");
            ((bool?)problem["retryable"]).ShouldBe(true);
            await Read(app, $"/api/reports/monthly/{month}/released?version={version}");
        }

        await Disclosed(app, month, version);
        await Read(app, $"/api/reports/monthly/{month}/released?version={version}&variant=public");
    }

    [Fact]
    public async Task two_months_approved_at_once_are_disclosed_one_after_the_other_and_the_second_against_the_first()
    {
        var (first, second) = ("2023-01", "2023-02");
        var proposals = await Task.WhenAll(Propose(app, first), Propose(app, second));
        int[] versions;
        await using (await HoldDisclosureLock())
            versions = await Task.WhenAll(Approve(app, first, proposals[0], "admin-concurrent-a"), Approve(app, second, proposals[1], "admin-concurrent-b"));
        await Task.WhenAll(Disclosed(app, first, versions[0]), Disclosed(app, second, versions[1]));

        await using var session = app.Store.QuerySession();
        var (a, b) = (await session.LoadAsync<ReleasedReport>(ReleasedReport.IdOf(first, versions[0]), TestContext.Current.CancellationToken),
            await session.LoadAsync<ReleasedReport>(ReleasedReport.IdOf(second, versions[1]), TestContext.Current.CancellationToken));
        a!.PublicDocument.ShouldNotBeNull();
        b!.PublicDocument.ShouldNotBeNull();
        (a.DisclosedAfter.Contains(b.Id) ^ b.DisclosedAfter.Contains(a.Id)).ShouldBeTrue(
            $"exactly one was made against the other: {a.Id} after [{string.Join(", ", a.DisclosedAfter)}], {b.Id} after [{string.Join(", ", b.DisclosedAfter)}]");
    }

    /// <summary>Takes the disclosure's program-wide lock on a connection of the test's own (not pooled: closing it ends the session and the lock).</summary>
    private static async Task<NpgsqlConnection> HoldDisclosureLock()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AppFixture.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("select pg_advisory_lock(@key)", connection) { Parameters = { new("key", PublicVariantDueHandler.DisclosureLock) } };
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
