using System.Security.Cryptography;
using System.Text;
using CaseFlow.Domain.Integrity;

namespace CaseFlow.Domain.Tests.Integrity;

/// <summary>The Merkle tree over the stream heads (RFC 9162 section 2.1): its root, and audit paths that hold only for their leaf.</summary>
public class MerkleTreeTests
{
    private static IReadOnlyList<StreamHead> Heads(int count) =>
        MerkleTree.Order(Enumerable.Range(1, count).Select(i => new StreamHead(Guid.CreateVersion7(), i, Convert.ToHexStringLower(SHA256.HashData([(byte)i])))));

    private static byte[] Leaf(StreamHead head) => SHA256.HashData([0, .. Encoding.UTF8.GetBytes(head.Canonical())]);

    private static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([1, .. left, .. right]);

    [Fact]
    public void the_root_is_rfc_9162s_tree_hash()
    {
        var heads = Heads(5);
        var (a, b, c, d, e) = (Leaf(heads[0]), Leaf(heads[1]), Leaf(heads[2]), Leaf(heads[3]), Leaf(heads[4]));

        MerkleTree.Root([]).ShouldBe(Convert.ToHexStringLower(SHA256.HashData([])));
        MerkleTree.Root(heads.Take(1).ToList()).ShouldBe(Convert.ToHexStringLower(a));
        MerkleTree.Root(heads.Take(3).ToList()).ShouldBe(Convert.ToHexStringLower(Node(Node(a, b), c)));
        MerkleTree.Root(heads).ShouldBe(Convert.ToHexStringLower(Node(Node(Node(a, b), Node(c, d)), e)));
    }

    [Fact]
    public void a_leaf_is_the_canonical_json_of_the_head()
    {
        var head = new StreamHead(Guid.Parse("0b5e2a4c-0000-4000-8000-000000000001"), 12, "ab");

        head.Canonical().ShouldBe("{\"hash\":\"ab\",\"stream\":\"0b5e2a4c-0000-4000-8000-000000000001\",\"version\":12}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(33)]
    public void every_leafs_path_leads_to_the_root_and_no_other_leafs_does(int size)
    {
        var heads = Heads(size);
        var root = MerkleTree.Root(heads);

        for (var index = 0; index < size; index++)
        {
            var path = MerkleTree.Path(heads, index);
            MerkleTree.Verify(heads[index], index, size, path, root).ShouldBeTrue($"leaf {index} of {size}");
            MerkleTree.Verify(heads[index] with { Version = heads[index].Version + 1 }, index, size, path, root).ShouldBeFalse("another head");
            if (size > 1)
            {
                MerkleTree.Verify(heads[index], (index + 1) % size, size, path, root).ShouldBeFalse("another place");
                MerkleTree.Verify(heads[index], index, size, [.. path.Skip(1)], root).ShouldBeFalse("a path cut short");
            }
        }
    }

    [Fact]
    public void leaves_are_ordered_by_stream_id_whatever_order_they_come_in()
    {
        var heads = Heads(6);

        MerkleTree.Root(MerkleTree.Order(heads.Reverse())).ShouldBe(MerkleTree.Root(heads));
    }
}
