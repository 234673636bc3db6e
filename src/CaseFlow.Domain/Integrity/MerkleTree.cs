using System.Security.Cryptography;
using System.Text;

namespace CaseFlow.Domain.Integrity;

/// <summary>A stream's last event as a checkpoint records it: the stream, its version and that event's chain hash.</summary>
public sealed record StreamHead(Guid Stream, long Version, string Hash)
{
    /// <summary>The canonical text a Merkle leaf is made of: <c>{"hash":..,"stream":..,"version":..}</c>.</summary>
    public string Canonical() => CanonicalJson.Object(
        ("stream", CanonicalJson.String(Stream.ToString())),
        ("version", CanonicalJson.Number(Version)),
        ("hash", CanonicalJson.String(Hash)));
}

/// <summary>
/// The Merkle tree of RFC 9162 (section 2.1) over every stream's head, leaves ordered by stream id: a leaf is
/// SHA-256(0x00 ‖ the head's canonical JSON), an inner node SHA-256(0x01 ‖ left ‖ right), and a tree of n leaves splits
/// at the largest power of two below n. A case's head is tied to a signed root by its audit path.
/// </summary>
public static class MerkleTree
{
    /// <summary>The heads in leaf order.</summary>
    public static IReadOnlyList<StreamHead> Order(IEnumerable<StreamHead> heads) =>
        heads.OrderBy(h => h.Stream.ToString(), StringComparer.Ordinal).ToList();

    public static byte[] LeafHash(StreamHead head)
    {
        var canonical = Encoding.UTF8.GetBytes(head.Canonical());
        var input = new byte[canonical.Length + 1];
        canonical.CopyTo(input, 1);
        return SHA256.HashData(input);
    }

    /// <summary>The root over the ordered heads; SHA-256 of nothing for an empty store.</summary>
    public static string Root(IReadOnlyList<StreamHead> orderedHeads)
    {
        var leaves = orderedHeads.Select(LeafHash).ToArray();
        return Convert.ToHexStringLower(leaves.Length == 0 ? SHA256.HashData([]) : Subtree(leaves));
    }

    /// <summary>The audit path of leaf <paramref name="index"/>, from the leaf upwards.</summary>
    public static IReadOnlyList<string> Path(IReadOnlyList<StreamHead> orderedHeads, int index)
    {
        var path = new List<byte[]>();
        AuditPath(orderedHeads.Select(LeafHash).ToArray(), index, path);
        return path.Select(Convert.ToHexStringLower).ToList();
    }

    /// <summary>Whether <paramref name="path"/> leads from the leaf at <paramref name="index"/> of a tree of <paramref name="size"/> leaves to <paramref name="root"/> (RFC 9162 section 2.1.3.2).</summary>
    public static bool Verify(StreamHead head, long index, long size, IReadOnlyList<string> path, string root)
    {
        if (index < 0 || index >= size)
            return false;
        var (fn, sn) = (index, size - 1);
        var r = LeafHash(head);
        foreach (var hex in path)
        {
            if (sn == 0)
                return false;
            var p = Convert.FromHexString(hex);
            if ((fn & 1) == 1 || fn == sn)
            {
                r = Node(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && Convert.ToHexStringLower(r) == root;
    }

    private static byte[] Subtree(ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 1)
            return leaves[0];
        var k = Split(leaves.Length);
        return Node(Subtree(leaves[..k]), Subtree(leaves[k..]));
    }

    private static void AuditPath(ReadOnlySpan<byte[]> leaves, int index, List<byte[]> path)
    {
        if (leaves.Length <= 1)
            return;
        var k = Split(leaves.Length);
        if (index < k)
        {
            AuditPath(leaves[..k], index, path);
            path.Add(Subtree(leaves[k..]));
        }
        else
        {
            AuditPath(leaves[k..], index - k, path);
            path.Add(Subtree(leaves[..k]));
        }
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2).</summary>
    private static int Split(int n) => 1 << (31 - System.Numerics.BitOperations.LeadingZeroCount((uint)(n - 1)));

    private static byte[] Node(byte[] left, byte[] right)
    {
        var input = new byte[1 + left.Length + right.Length];
        input[0] = 1;
        left.CopyTo(input, 1);
        right.CopyTo(input, 1 + left.Length);
        return SHA256.HashData(input);
    }
}
