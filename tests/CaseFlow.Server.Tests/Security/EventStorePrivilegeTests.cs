using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// The application's role (<c>caseflow_app</c>, the one every test host runs as) appends and reads events, never
/// changes them; it owns nothing and changes no schema. The triggers beside the privileges refuse the same changes to
/// any role short of a superuser turning triggers off (which the signed checkpoints are for).
/// </summary>
public class EventStorePrivilegeTests(AppFixture app)
{
    [Theory]
    [InlineData("update caseflow.mt_events set data = data where stream_id = @id")]
    [InlineData("delete from caseflow.mt_events where stream_id = @id")]
    [InlineData("truncate caseflow.mt_events")]
    [InlineData("update caseflow.mt_streams set version = version - 1 where id = @id")]
    [InlineData("update caseflow.mt_streams set type = 'other' where id = @id")]
    [InlineData("update caseflow.mt_streams set is_archived = true where id = @id")]
    [InlineData("delete from caseflow.mt_streams where id = @id")]
    [InlineData("truncate caseflow.mt_streams")]
    [InlineData("select caseflow.mt_archive_stream(@id)")]
    [InlineData("select setval('caseflow.mt_events_sequence', 1)")]
    [InlineData("alter table caseflow.mt_events disable trigger all")]
    [InlineData("drop trigger events_append_only on caseflow.mt_events")]
    [InlineData("create table caseflow.elsewhere (id int)")]
    [InlineData("alter table caseflow.mt_doc_casefile add column elsewhere int")]
    [InlineData("create or replace function caseflow_migrations.refuse_change() returns trigger language plpgsql as $$ begin return new; end $$")]
    [InlineData("delete from caseflow_migrations.applied")]
    public async Task the_applications_role_cannot_change_an_event_a_stream_or_the_schema(string sql)
    {
        var caseId = await app.Host.StartCase(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend));

        var refused = await Should.ThrowAsync<PostgresException>(() => Run(AppFixture.ConnectionString, sql, caseId));

        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, refused.MessageText);
    }

    [Theory]
    [InlineData("update caseflow.mt_events set data = data where stream_id = @id", "UPDATE on caseflow.mt_events refused")]
    [InlineData("delete from caseflow.mt_events where stream_id = @id", "DELETE on caseflow.mt_events refused")]
    [InlineData("truncate caseflow.mt_events cascade", "TRUNCATE on caseflow.mt_events refused")]
    [InlineData("update caseflow.mt_streams set version = version - 1 where id = @id", "versions only move forward (UPDATE refused)")]
    [InlineData("delete from caseflow.mt_streams where id = @id", "versions only move forward (DELETE refused)")]
    public async Task the_guards_refuse_the_same_changes_to_a_role_granted_every_privilege(string sql, string refusal)
    {
        var caseId = await app.Host.StartCase(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend));
        var superuser = TestDatabases.Admin(new NpgsqlConnectionStringBuilder(AppFixture.ConnectionString).Database!);

        var refused = await Should.ThrowAsync<PostgresException>(() => Run(superuser, sql, caseId));

        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        refused.MessageText.ShouldContain(refusal);
    }

    [Fact]
    public async Task the_application_appends_and_moves_a_streams_version_forward_under_its_role()
    {
        var jail = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);
        var caseId = await app.Host.StartCase(jail);

        var answer = await app.Host.PostCaseEvent(jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(1)));

        (await answer.ReadAsJsonAsync<AppendResult>()).Version.ShouldBe(2);
    }

    private static async Task Run(string connectionString, string sql, Guid caseId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("id", caseId) } };
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
