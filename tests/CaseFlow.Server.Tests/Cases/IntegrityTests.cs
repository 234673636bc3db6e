using Alba;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;

namespace CaseFlow.Server.Tests.Cases;

public class IntegrityTests(AppFixture app)
{
    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);
    private string Auditor => app.Tokens.For(Roles.Auditor);

    [Fact]
    public async Task an_untouched_case_verifies()
    {
        var caseId = await CaseWithEvents(3);

        var report = await Verify(caseId);

        report.Intact.ShouldBeTrue();
        report.EventsChecked.ShouldBe(4);
        report.FirstBrokenVersion.ShouldBeNull();
    }

    [Theory]
    [InlineData("update {0}.mt_events set data = jsonb_set(data, '{{reason}}', '\"edited in the database\"') where stream_id = @id and version = 3", 3)]
    [InlineData("update {0}.mt_events set headers = jsonb_set(headers, '{{officerId}}', '\"someone-else\"') where stream_id = @id and version = 2", 2)]
    [InlineData("update {0}.mt_events set type = 'ChargesAmended' where stream_id = @id and version = 4", 4)]
    public async Task a_row_edited_directly_in_postgresql_is_named_by_its_version(string sql, long brokenVersion)
    {
        var caseId = await CaseWithEvents(3);

        await Execute(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, PersistenceSetup.SchemaName), caseId);
        var report = await Verify(caseId);

        report.Intact.ShouldBeFalse();
        report.FirstBrokenVersion.ShouldBe(brokenVersion);
    }

    [Fact]
    public async Task a_removed_last_event_shows_as_a_head_that_no_longer_matches()
    {
        var caseId = await CaseWithEvents(2);

        await Execute($"delete from {PersistenceSetup.SchemaName}.mt_events where stream_id = @id and version = 3", caseId);
        var report = await Verify(caseId);

        report.Intact.ShouldBeFalse();
        report.HeadMatchesSummary.ShouldBeFalse();
    }

    private async Task<Guid> CaseWithEvents(int events)
    {
        var caseId = await app.Host.StartCase(Jail);
        for (var day = 1; day <= events; day++)
            await app.Host.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(day)));
        return caseId;
    }

    private async Task<IntegrityReport> Verify(Guid caseId) =>
        await (await app.Host.GetAs(Auditor, $"/api/cases/{caseId}/integrity")).ReadAsJsonAsync<IntegrityReport>();

    private static async Task Execute(string sql, Guid caseId)
    {
        await using var connection = await TestDatabases.OpenAsTamperingSuperuser(AppFixture.ConnectionString);
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("id", caseId) } };
        (await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
    }
}
