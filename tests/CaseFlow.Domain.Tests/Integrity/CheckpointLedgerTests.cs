using CaseFlow.Domain.Integrity;

namespace CaseFlow.Domain.Tests.Integrity;

/// <summary>
/// The checks of the checkpoints among themselves, and of the store against them: each tampering of issue 20 as the
/// store would show it after the fact, named by stream, version and sequence number.
/// </summary>
public class CheckpointLedgerTests
{
    internal static readonly Guid A = Guid.Parse("00000000-0000-4000-8000-00000000000a");
    internal static readonly Guid B = Guid.Parse("00000000-0000-4000-8000-00000000000b");
    internal static readonly Guid C = Guid.Parse("00000000-0000-4000-8000-00000000000c");

    /// <summary>A1 A2 B1 A3 B2 C1 under the first checkpoint (through 6), C2 under the second (through 8, 7 a gap).</summary>
    internal static readonly SegmentEntry[] Stored =
    [
        new(1, A, 1, "a1"), new(2, A, 2, "a2"), new(3, B, 1, "b1"), new(4, A, 3, "a3"), new(5, B, 2, "b2"), new(6, C, 1, "c1"), new(8, C, 2, "c2"),
    ];

    internal static (SignedCheckpoint First, SignedCheckpoint Second) Checkpoints()
    {
        var first = Signed(1, "", 0, 6, Stored[..6], Stored[..6]);
        var second = Signed(2, first.Header.Digest(), 6, 8, Stored[6..], Stored);
        return (first, second);
    }

    private static SignedCheckpoint Signed(long number, string previous, long after, long through, SegmentEntry[] segment, SegmentEntry[] upTo)
    {
        var heads = upTo.GroupBy(e => e.Stream).Select(g => g.MaxBy(e => e.Version)!).Select(e => new StreamHead(e.Stream, e.Version, e.Hash)).ToList();
        return new SignedCheckpoint(new CheckpointHeader(number, previous, "2026-01-01T00:00:00.000Z", after, through, segment.Length,
            CheckpointHeader.DigestOf(segment), heads.Count, MerkleTree.Root(MerkleTree.Order(heads)), "key"), "signature", segment);
    }

    internal static CheckpointLedger Ledger()
    {
        var ledger = new CheckpointLedger();
        var (first, second) = Checkpoints();
        ledger.Append(first, signatureValid: true).ShouldBeEmpty();
        ledger.Append(second, signatureValid: true).ShouldBeEmpty();
        return ledger;
    }

    [Fact]
    public void an_untouched_store_matches_its_checkpoints()
    {
        StoreComparison.Compare(Ledger(), Stored).ShouldBeEmpty();
    }

    public static TheoryData<string, SegmentEntry[], (string, Guid?, long?, long?)[]> Tamperings => new()
    {
        { "an edited event with its chain recomputed", [.. Stored.Select(e => e.Stream == A && e.Version >= 2 ? e with { Hash = e.Hash + "'" } : e)],
            [(FindingKinds.HashChanged, A, 2, 2), (FindingKinds.HashChanged, A, 3, 4), (FindingKinds.HeadChanged, A, 3, null)] },
        { "a deleted tail", [.. Stored.Where(e => e.Sequence != 8)],
            [(FindingKinds.EventMissing, C, 2, 8), (FindingKinds.HeadChanged, C, 2, null)] },
        { "a deleted stream", [.. Stored.Where(e => e.Stream != B)],
            [(FindingKinds.EventMissing, B, 1, 3), (FindingKinds.EventMissing, B, 2, 5), (FindingKinds.StreamMissing, B, 2, null)] },
        { "two sequence numbers swapped", [.. Stored.Select(e => e.Sequence switch { 2 => e with { Sequence = 3 }, 3 => e with { Sequence = 2 }, _ => e })],
            [(FindingKinds.SequenceChanged, A, 2, 2), (FindingKinds.SequenceChanged, B, 1, 3)] },
        { "an event inserted below the last checkpoint", [.. Stored, new SegmentEntry(7, B, 3, "b3")],
            [(FindingKinds.EventNotCheckpointed, B, 3, 7), (FindingKinds.HeadChanged, B, 2, null)] },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void each_tampering_is_named(string tampering, SegmentEntry[] storedNow, (string, Guid?, long?, long?)[] expected)
    {
        StoreComparison.Compare(Ledger(), storedNow).Select(f => (f.Kind, f.Stream, f.Version, f.Sequence)).ShouldBe(expected, tampering);
    }

    [Fact]
    public void events_after_the_last_checkpoint_are_not_findings()
    {
        StoreComparison.Compare(Ledger(), [.. Stored, new SegmentEntry(9, A, 4, "a4")]).ShouldBeEmpty();
    }

    public static TheoryData<string, Func<SignedCheckpoint, SignedCheckpoint>, bool, string> BrokenCheckpoints => new()
    {
        { "a signature that does not verify", c => c, false, FindingKinds.CheckpointSignature },
        { "a checkpoint that names another previous", c => c with { Header = c.Header with { Previous = "00" } }, true, FindingKinds.CheckpointChain },
        { "a checkpoint that skips a number", c => c with { Header = c.Header with { Number = 3 } }, true, FindingKinds.CheckpointChain },
        { "a segment rewritten after signing", c => c with { Segment = [c.Segment[0] with { Hash = "other" }] }, true, FindingKinds.CheckpointSegment },
        { "a root that is not the heads'", c => c with { Header = c.Header with { MerkleRoot = "00" } }, true, FindingKinds.CheckpointMerkleRoot },
    };

    [Theory]
    [MemberData(nameof(BrokenCheckpoints))]
    public void a_broken_checkpoint_is_named(string what, Func<SignedCheckpoint, SignedCheckpoint> breakIt, bool signatureValid, string kind)
    {
        var ledger = new CheckpointLedger();
        var (first, second) = Checkpoints();
        ledger.Append(first, signatureValid: true);

        var findings = ledger.Append(breakIt(second), signatureValid);

        findings.Select(f => f.Kind).ShouldContain(kind, what);
        findings.ShouldAllBe(f => f.Detail.StartsWith("checkpoint ", StringComparison.Ordinal));
    }
}
