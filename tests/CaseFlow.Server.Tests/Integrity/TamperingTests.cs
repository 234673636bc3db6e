using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;

namespace CaseFlow.Server.Tests.Integrity;

/// <summary>
/// Each tampering of issue 20 done by a superuser on a store under a signed checkpoint, and named by the whole-store
/// verification: the stream, the version and the sequence number of what changed.
/// </summary>
public class TamperingTests(AppFixture app)
{
    private static readonly string Events = $"{PersistenceSetup.SchemaName}.mt_events";

    [Fact]
    public async Task every_tampering_under_a_checkpoint_is_named_by_stream_version_and_sequence()
    {
        await using var store = await CheckpointedStore.Start(app, "tamper");
        var (edited, recomputed, tail, deleted, swappedA, swappedB) =
            (await store.CaseWithEvents(3), await store.CaseWithEvents(3), await store.CaseWithEvents(3), await store.CaseWithEvents(2), await store.CaseWithEvents(2), await store.CaseWithEvents(2));
        var cases = new[] { edited, recomputed, tail, deleted, swappedA, swappedB };
        await store.SignCheckpoint(cases);
        (await store.Verify()).Intact.ShouldBeTrue();

        var editedAt = await store.SequenceOf(edited, 2);
        await store.Superuser($"update {Events} set data = data || '{{\"reason\": \"edited\"}}' where stream_id = @id and version = 2", ("id", edited));
        var recomputedAt = await store.SequenceOf(recomputed, 2);
        await EditAndRecomputeChain(store, recomputed, fromVersion: 2);
        var tailAt = await store.SequenceOf(tail, 4);
        await store.Superuser($"delete from {Events} where stream_id = @id and version = 4; update {PersistenceSetup.SchemaName}.mt_streams set version = 3 where id = @id", ("id", tail));
        var deletedAt = await store.SequenceOf(deleted, 1);
        await store.Superuser($"delete from {Events} where stream_id = @id; delete from {PersistenceSetup.SchemaName}.mt_streams where id = @id", ("id", deleted));
        var (a, b) = (await store.SequenceOf(swappedA, 2), await store.SequenceOf(swappedB, 2));
        await store.Superuser($"update {Events} set seq_id = -1 where seq_id = @a; update {Events} set seq_id = @a where seq_id = @b; update {Events} set seq_id = @b where seq_id = -1", ("a", a), ("b", b));

        var report = await store.Verify();

        report.Intact.ShouldBeFalse();
        var findings = report.Findings.Select(f => (f.Kind, f.Stream, f.Version, f.Sequence)).ToList();
        findings.ShouldContain((FindingKinds.HashMismatch, edited, 2L, editedAt), "an edited event");
        findings.ShouldContain((FindingKinds.HashChanged, recomputed, 2L, recomputedAt), "an edited event with its chain recomputed");
        findings.ShouldNotContain(f => f.Kind == FindingKinds.HashMismatch && f.Stream == recomputed, "the recomputed chain holds in itself");
        findings.ShouldContain((FindingKinds.EventMissing, tail, 4L, tailAt), "a deleted tail");
        findings.ShouldContain(f => f.Kind == FindingKinds.HeadChanged && f.Stream == tail && f.Version == 4);
        findings.ShouldContain((FindingKinds.EventMissing, deleted, 1L, deletedAt), "a deleted stream's first event");
        findings.ShouldContain(f => f.Kind == FindingKinds.StreamMissing && f.Stream == deleted, "a deleted stream");
        findings.ShouldContain((FindingKinds.SequenceChanged, swappedA, 2L, a), "swapped sequence numbers");
        findings.ShouldContain((FindingKinds.SequenceChanged, swappedB, 2L, b), "swapped sequence numbers");
        findings.Select(f => f.Stream).Where(s => s is not null).Distinct().Order()
            .ShouldBe(new Guid?[] { edited, recomputed, tail, deleted, swappedA, swappedB }.Order(), "nothing else is named");
    }

    [Fact]
    public async Task an_edited_event_not_yet_under_a_checkpoint_stops_the_next_one_and_is_named()
    {
        await using var store = await CheckpointedStore.Start(app, "segment");
        var signed = await store.CaseWithEvents(1);
        await store.SignCheckpoint([signed]);
        var signedSoFar = Directory.GetFiles(store.Checkpoints.Folder, "*.checkpoint.json").Length;
        var edited = await store.CaseWithEvents(2);
        await store.Superuser($"update {Events} set data = data || '{{\"reason\": \"edited\"}}' where stream_id = @id and version = 3", ("id", edited));
        var at = await store.SequenceOf(edited, 3);

        var refusal = JsonNode.Parse(await (await store.SignCheckpoint([edited], status: 409)).ReadAsTextAsync())!;

        refusal["type"]!.GetValue<string>().ShouldBe("urn:caseflow:problem:segment-does-not-verify");
        refusal["findings"].Deserialize<IntegrityFinding[]>(ServerJson.Options)!.Select(f => (f.Kind, f.Stream, f.Version, f.Sequence))
            .ShouldBe([(FindingKinds.HashMismatch, edited, 3L, at)]);
        Directory.GetFiles(store.Checkpoints.Folder, "*.checkpoint.json").Length.ShouldBe(signedSoFar, "nothing more was signed");
    }

    /// <summary>What the issue's tester did: edit an event, then recompute its hash and every later one by docs/events.md's recipe.</summary>
    private static async Task EditAndRecomputeChain(CheckpointedStore store, Guid stream, long fromVersion)
    {
        await store.Superuser($"update {Events} set data = data || '{{\"reason\": \"edited\"}}' where stream_id = @id and version = @v", ("id", stream), ("v", fromVersion));
        var rows = new List<(long Version, Guid Id, string Type, string Data, string Headers)>();
        await using (var connection = new NpgsqlConnection(store.SuperuserConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"select version, id, type, data::text, headers::text from {Events} where stream_id = @id order by version", connection)
            {
                Parameters = { new("id", stream) },
            };
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                rows.Add((reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        var previous = EventChain.Genesis;
        foreach (var row in rows)
        {
            var (link, stored) = StoredChainLink.Of(stream, row.Version, row.Id, row.Type, row.Data, row.Headers);
            var hash = row.Version < fromVersion ? stored! : EventChain.Hash(previous, link);
            if (row.Version >= fromVersion)
                await store.Superuser($"update {Events} set headers = jsonb_set(headers, '{{hash}}', to_jsonb(@hash::text)) where stream_id = @id and version = @v",
                    ("hash", hash), ("id", stream), ("v", row.Version));
            previous = hash;
        }
    }
}
