using CaseFlow.Server.Queues;
using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Queues;

/// <summary>
/// A queue row stored by a version before the rows carried their <see cref="QueueView"/> (made here by a superuser
/// removing it) is left out of its queue until the upgrade's rebuild rewrites it; the page is still answered.
/// </summary>
public class QueueViewUpgradeTests(AppFixture app)
{
    [Fact]
    public async Task a_row_without_its_view_is_left_out_of_the_page_and_the_page_is_answered()
    {
        var jem = await Create(app);
        var (kept, previous) = (await jem.Book(), await jem.Book());
        foreach (var caseId in new[] { kept, previous })
            await jem.Post(caseId, "CitizenshipClaimAsserted", new { assertedAt = Now(30), how = "Interview" }, officer: null);
        await app.Host.QueuesHaveApplied(kept, previous);
        await using (var superuser = await TestDatabases.OpenAsTamperingSuperuser(AppFixture.ConnectionString))
        await using (var strip = new NpgsqlCommand("update caseflow.mt_doc_casequeuerow set data = data - 'view' where id = @id", superuser)
                     { Parameters = { new("id", previous) } })
            (await strip.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);

        (await app.Host.Queue<ClaimQueueItem>(jem.Supervisor, "citizenship-claims", $"ori={jem.Ori}")).Items.Select(i => i.Case.CaseId).ShouldBe([kept]);
        (await app.Host.Queue<DeadlineQueueItem>(jem.Supervisor, "deadlines", $"ori={jem.Ori}")).Items.Select(i => i.Case!.CaseId).ShouldBe([kept]);
    }
}
