using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Tests.Platform;
using Npgsql;

namespace CaseFlow.Server.Tests.Operations;

/// <summary>
/// <c>ops/verify-read-models</c>, the operators' rebuild verification, on a database of its own while its node serves:
/// a healthy store rebuilds to exactly its live read models; a read-model row a superuser changed is named, in its json
/// or in a column written beside it, and so are a statistics cell and a duration bucket that no longer count the
/// case rows' facts.
/// </summary>
public sealed class VerifyReadModelsTests(AppFixture app)
{
    [Fact]
    public async Task a_healthy_store_rebuilds_to_its_live_read_models_and_a_row_or_cell_changed_by_a_superuser_is_named()
    {
        await using var database = await OwnDatabase.Create(app, "verify_read_models");
        await using var node = await database.StartNode();
        var jail = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);
        var cases = new[] { await node.StartCase(jail), await node.StartCase(jail), await node.StartCase(jail) };
        await node.PostCaseEvent(jail, cases[0], Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(1)));
        await node.QueuesHaveApplied(cases);
        await node.StatisticsHaveApplied(cases);
        await node.FeedHasApplied(cases);

        var healthy = await Verify(database);
        healthy.ExitCode.ShouldBe(0, healthy.Output);
        healthy.Output.ShouldContain("no difference");
        healthy.Output.ShouldContain("left out: 0 ids", Case.Sensitive, "the projections had caught up: every document is compared");

        await using (var superuser = await TestDatabases.OpenAsTamperingSuperuser(database.ConnectionString))
        await using (var edit = new NpgsqlCommand(
                         "update caseflow.mt_doc_casequeuerow set data = jsonb_set(data, '{bookingNumber}', '\"EDITED\"') where id = @id", superuser)
                     { Parameters = { new("id", cases[1]) } })
            (await edit.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        await using (var superuser = await TestDatabases.OpenAsTamperingSuperuser(database.ConnectionString))
        await using (var edit = new NpgsqlCommand("update caseflow.mt_doc_casequeuerow set field_office_code = 'MIA' where id = @id", superuser)
                     { Parameters = { new("id", cases[2]) } })
            (await edit.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        await using (var superuser = await TestDatabases.OpenAsTamperingSuperuser(database.ConnectionString))
        await using (var edit = new NpgsqlCommand(
                         "update caseflow.statistics_cells set facts = facts + 1 where scope = @ori and measure = 'bookings-referred'", superuser)
                     { Parameters = { new("ori", Agencies.FortBend) } })
            (await edit.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        await using (var superuser = await TestDatabases.OpenAsTamperingSuperuser(database.ConnectionString))
        await using (var edit = new NpgsqlCommand(
                         """
                         insert into caseflow.statistics_durations
                         select scope, fiscal_year, model, 'custody-transfers', month, 200, 1
                         from caseflow.statistics_cells where scope = @ori and measure = 'bookings-referred'
                         """, superuser)
                     { Parameters = { new("ori", Agencies.FortBend) } })
            (await edit.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);

        var tampered = await Verify(database);
        tampered.ExitCode.ShouldBe(1, tampered.Output);
        tampered.Output.ShouldContain($"mt_doc_casequeuerow {cases[1]}: different");
        tampered.Output.ShouldContain($"mt_doc_casequeuerow {cases[1]}, the paths apart:\n  .data.bookingNumber: live \"EDITED\", rebuilt absent");
        tampered.Output.ShouldContain($"mt_doc_casequeuerow {cases[2]}, the paths apart:\n  .field_office_code: live \"MIA\", rebuilt \"HOU\"");
        tampered.Output.ShouldContain("2 documents differ from their rebuild");
        tampered.Output.ShouldContain($"statistics_cells (kept): '{Agencies.FortBend}'");
        tampered.Output.ShouldContain($"statistics_cells (counted from the rows): '{Agencies.FortBend}'");
        tampered.Output.ShouldContain($"statistics_durations (kept): '{Agencies.FortBend}'");
        tampered.Output.ShouldContain("3 statistics cells differ from a count of the case rows' facts");
    }

    private static async Task<(int ExitCode, string Output)> Verify(OwnDatabase database)
    {
        var run = await RepositoryScript.Execute("ops/verify-read-models",
            ["--url", TestDatabases.Admin(new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!)],
            new Dictionary<string, string> { ["CASEFLOW_SERVER_DLL"] = GeneratedCodeTests.ServerAssembly });
        return (run.ExitCode, run.Printed);
    }
}
