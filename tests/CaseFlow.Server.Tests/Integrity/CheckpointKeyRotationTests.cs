using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Integrity.Checkpoints;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Integrity;

/// <summary>
/// The checkpoint key rotated as ops/rotate-checkpoint-key does: checkpoints signed before the rotation verify with the
/// retired public key, a node that lost it names them, and a retired key cannot sign after its successor.
/// </summary>
public class CheckpointKeyRotationTests(AppFixture app)
{
    [Fact]
    public async Task checkpoints_signed_before_a_rotation_verify_with_the_retired_public_key()
    {
        await using var store = await CheckpointedStore.Start(app, "keyrotation");
        var first = await store.CaseWithEvents(1);
        await store.SignCheckpoint([first]);
        var original = store.Checkpoints;

        await store.Restart(original.Rotated());
        var second = await store.CaseWithEvents(1);
        await store.SignCheckpoint([first, second]);
        var report = await store.Verify();

        report.Findings.ShouldBeEmpty();
        SignedBy(store, original).ShouldNotBeEmpty();
        SignedBy(store, store.Checkpoints).ShouldNotBeEmpty();

        await store.Restart(store.Checkpoints with { RetiredPublicKeyPems = [] });
        (await store.Verify()).Findings.Select(f => (f.Kind, f.Detail)).ShouldBe(
            SignedBy(store, original).Select(n => (FindingKinds.CheckpointSignature, $"checkpoint {n}: the signature does not verify with the public key")),
            "the checkpoints of the retired key do not verify without its public key");
    }

    [Fact]
    public async Task a_retired_key_cannot_sign_a_checkpoint_after_its_successor()
    {
        await using var store = await CheckpointedStore.Start(app, "retiredkey");
        var caseId = await store.CaseWithEvents(1);
        await store.SignCheckpoint([caseId]);
        var original = store.Checkpoints;
        var rotated = original.Rotated();
        await store.Restart(rotated);
        var afterRotation = await store.CaseWithEvents(1);
        await store.SignCheckpoint([afterRotation]);

        // Whoever kept the retired private key signs the next checkpoint with it, naming the new key as retired.
        await store.Restart(original with { RetiredPublicKeyPems = [rotated.PublicKeyPem] });
        var later = await store.CaseWithEvents(1);
        await store.SignCheckpoint([later]);
        await store.Restart(rotated);

        var forged = SignedBy(store, original).Where(n => n > SignedBy(store, rotated).Min()).ShouldHaveSingleItem();
        (await store.Verify()).Findings.Select(f => (f.Kind, f.Detail)).ShouldBe(
            [(FindingKinds.CheckpointSignature, $"checkpoint {forged}: signed with key {CheckpointKey.PublicOnly(original.PublicKeyPem).Id}, retired before the key of an earlier checkpoint")]);
    }

    /// <summary>The numbers of the checkpoints in the store's folder signed with the key of <paramref name="settings"/>.</summary>
    private static IEnumerable<long> SignedBy(CheckpointedStore store, CheckpointSettings settings) =>
        new CheckpointFolder(store.Checkpoints.Folder).Read()
            .Where(c => c.Header.KeyId == CheckpointKey.PublicOnly(settings.PublicKeyPem).Id).Select(c => c.Header.Number).ToList();
}
