using Alba;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;

namespace CaseFlow.Server.Tests.Queues;

/// <summary>
/// A queue row stored by a version before the rows carried their <see cref="QueueView"/> (made here by a superuser
/// removing it, in a database of the test's own) is left out of the queue pages until the upgrade's rebuild rewrites
/// it, and the case search still lists it; every page is answered.
/// </summary>
public class QueueViewUpgradeTests(AppFixture app)
{
    [Fact]
    public async Task a_row_without_its_view_is_left_out_of_the_queues_and_still_found_by_the_search()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await OwnDatabase.Create(app, "queue_view_upgrade");
        await using var node = await database.StartNode();
        var jail = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);
        var supervisor = app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU");
        var (kept, previous) = (await node.StartCase(jail), await node.StartCase(jail));
        foreach (var caseId in new[] { kept, previous })
        {
            await node.PostCaseEvent(jail, caseId, Envelopes.CaseEvent("CitizenshipClaimAsserted",
                new { assertedAt = Envelopes.Instant(DateTimeOffset.UtcNow.AddMinutes(-30)), how = "Interview" }));
        }

        await node.QueuesHaveApplied(kept, previous);
        await using (var superuser = await TestDatabases.OpenAsTamperingSuperuser(database.ConnectionString))
        await using (var strip = new NpgsqlCommand("update caseflow.mt_doc_casequeuerow set data = data - 'view' where id = @id", superuser)
                     { Parameters = { new("id", previous) } })
            (await strip.ExecuteNonQueryAsync(ct)).ShouldBe(1);

        (await node.Queue<ClaimQueueItem>(supervisor, "citizenship-claims")).Items.Select(i => i.Case.CaseId).ShouldBe([kept]);
        (await node.Queue<DeadlineQueueItem>(supervisor, "deadlines")).Items.Select(i => i.Case!.CaseId).ShouldBe([kept]);
        var search = await (await node.GetAs(supervisor, $"/api/cases?ori={Agencies.FortBend}")).ReadAsJsonAsync<QueuePage<CaseSummary>>();
        search.Items.Select(s => s.Case.Id).ShouldBe([kept, previous], ignoreOrder: true);
    }
}
