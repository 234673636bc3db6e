using System.Text.Json;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using static CaseFlow.Server.Tests.Infrastructure.CaseScenario;

namespace CaseFlow.Server.Tests.Queues;

/// <summary>
/// Rebuild equals live: every case read document the daemon keeps equals the one made from the case folded from its
/// events at the document's version, voids and corrections included. The queues are one document per case stream,
/// so this comparison is the whole check; nothing multi-stream needs rebuilding in a scratch database.
/// </summary>
public class RebuildEqualsLiveTests(AppFixture app)
{
    [Fact]
    public async Task every_case_read_document_equals_its_case_folded_from_the_events_at_its_version()
    {
        var jem = await Create(app);
        var (served, voided, claimed) = (await jem.Book(), await jem.Book(), await jem.Book());
        await jem.DetainerInEffect(served);
        var release = await (await jem.Post(voided, "ScheduledReleaseSet", new { at = Envelopes.Instant(DateTimeOffset.UtcNow.AddHours(5)) }, officer: null))
            .ReadAsJsonAsync<CaseFlow.Server.Writing.AppendResult>();
        await jem.Post(voided, "EventVoided", new { voidedEventId = release.EventId, reason = "Entered on the wrong case." }, officer: null);
        await jem.Post(claimed, "CitizenshipClaimAsserted", new { assertedAt = Now(30), how = "Interview" }, officer: null);
        await app.Host.QueuesHaveApplied(served, voided, claimed);

        await using var session = app.Store.QuerySession();
        var rows = await session.Query<CaseQueueRow>().Where(r => r.Ori == jem.Ori).ToListAsync(TestContext.Current.CancellationToken);
        rows.Count.ShouldBe(3);
        foreach (var row in rows)
        {
            var folded = await session.Events.AggregateStreamAsync<CaseFile>(row.Id, row.Case.Version, token: TestContext.Current.CancellationToken);
            Json(row).ShouldBe(Json(CaseQueueRow.Of(folded!)), $"case {row.Id} at version {row.Case.Version}");
        }

        rows.Single(r => r.Id == voided).ReleaseAt.ShouldBeNull();
    }

    private static string Json(CaseQueueRow row) => JsonSerializer.Serialize(row, ServerJson.Options);
}
