using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Integrity.Checkpoints;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Integrity;

/// <summary>
/// A store that ends before its last checkpoint, as a point-in-time restore to an instant between two checkpoints leaves
/// it: the verification names that checkpoint alone, and once it is set aside the store verifies intact.
/// </summary>
public class RestoredStoreVerificationTests(AppFixture app)
{
    [Fact]
    public async Task the_checkpoint_beyond_a_restored_store_is_named_and_set_aside()
    {
        await using var store = await CheckpointedStore.Start(app, "restored");
        var kept = await store.CaseWithEvents(2);
        await store.SignCheckpoint([kept]);
        var lost = await store.CaseWithEvents(2);
        await store.SignCheckpoint([lost]);
        await store.Superuser($"delete from {PersistenceSetup.SchemaName}.mt_events where stream_id = @id; delete from {PersistenceSetup.SchemaName}.mt_streams where id = @id", ("id", lost));

        var restored = await store.Verify();

        restored.Findings.Select(f => (f.Kind, f.Stream)).ShouldBe([(FindingKinds.CheckpointBeyondStore, (Guid?)lost)]);
        restored.CheckpointsBeyondStore.ShouldBe([restored.CheckpointsChecked], "the last checkpoint alone (the node signs one at start too)");

        var folder = new CheckpointFolder(store.Checkpoints.Folder);
        folder.SetAside(restored.CheckpointsBeyondStore, DateTimeOffset.UtcNow);

        var afterwards = await store.Verify();
        afterwards.Intact.ShouldBeTrue();
        afterwards.CheckpointsChecked.ShouldBe(restored.CheckpointsChecked - 1);
        folder.SetAsideCount().ShouldBe(1);
    }
}
