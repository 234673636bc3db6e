using CaseFlow.Domain.Integrity;
using static CaseFlow.Domain.Tests.Integrity.CheckpointLedgerTests;

namespace CaseFlow.Domain.Tests.Integrity;

/// <summary>
/// A store that ends before its last checkpoint, as a point-in-time restore leaves it, is told apart from a store
/// altered in any other way: only then are the last checkpoints beyond it.
/// </summary>
public class RestoredStoreTests
{
    private static int Beyond(SegmentEntry[] storedNow, bool chainsHold = true)
    {
        var (first, second) = Checkpoints();
        return RestoredStore.CheckpointsBeyond([first, second], StoreComparison.Compare(Ledger(), storedNow), storedNow, chainsHold);
    }

    [Fact]
    public void a_store_that_ends_inside_the_last_checkpoint_has_it_beyond_its_end()
    {
        Beyond([.. Stored.Where(e => e.Sequence != 8)]).ShouldBe(1);
    }

    [Fact]
    public void a_store_that_ends_inside_the_first_checkpoint_has_both_beyond_its_end()
    {
        Beyond([.. Stored.Where(e => e.Sequence < 5)]).ShouldBe(2);
    }

    public static TheoryData<string, SegmentEntry[], bool> NotARestore => new()
    {
        { "an intact store", Stored, true },
        { "a tail gone and an event edited", [.. Stored.Where(e => e.Sequence != 8).Select(e => e.Sequence == 2 ? e with { Hash = "other" } : e)], true },
        { "a tail gone and a chain that does not hold", [.. Stored.Where(e => e.Sequence != 8)], false },
        { "an event gone below one of its stream still there", [.. Stored.Where(e => e.Sequence != 2)], true },
        { "an event gone under the first checkpoint, the second intact", [.. Stored.Where(e => e.Sequence != 6)], true },
        { "an event inserted below the last checkpoint", [.. Stored.Where(e => e.Sequence != 8), new SegmentEntry(7, B, 3, "b3")], true },
    };

    [Theory]
    [MemberData(nameof(NotARestore))]
    public void a_store_altered_otherwise_has_no_checkpoint_beyond_it(string what, SegmentEntry[] storedNow, bool chainsHold)
    {
        Beyond(storedNow, chainsHold).ShouldBe(0, what);
    }

    [Fact]
    public void the_finding_names_the_checkpoint_and_its_first_event_gone()
    {
        var (_, second) = Checkpoints();

        var finding = RestoredStore.Finding(second, Stored.Where(e => e.Sequence != 8).ToHashSet());

        (finding.Kind, finding.Stream, finding.Version, finding.Sequence).ShouldBe((FindingKinds.CheckpointBeyondStore, C, 2L, 8L));
        finding.Detail.ShouldStartWith("checkpoint 2 ");
        finding.Detail.ShouldContain("1 of its 1 events are not in the store");
    }
}
