using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Domain.Integrity;
using CsCheck;

namespace CaseFlow.Domain.Tests.Integrity;

public class EventChainTests
{
    private static readonly Guid Stream = Guid.Parse("0a3327e8-d735-5b42-9f60-e14840c8e849");

    private static List<(ChainLink Link, string? StoredHash)> Chain(int length)
    {
        var previous = EventChain.Genesis;
        var chain = new List<(ChainLink, string?)>();
        for (var version = 1; version <= length; version++)
        {
            var link = new ChainLink(Stream, version, Guid.NewGuid(), "ScheduledReleaseSet", $$"""{"at":"2026-12-{{version:00}}T10:00:00-06:00"}""", """{"role":"screening-system"}""");
            previous = EventChain.Hash(previous, link);
            chain.Add((link, previous));
        }

        return chain;
    }

    [Fact]
    public void an_untouched_chain_holds()
    {
        var verdict = EventChain.Verify(Chain(5));

        verdict.Intact.ShouldBeTrue();
        verdict.EventsChecked.ShouldBe(5);
        verdict.FirstBrokenVersion.ShouldBeNull();
    }

    [Theory]
    [InlineData("data")]
    [InlineData("metadata")]
    [InlineData("type")]
    [InlineData("id")]
    public void changing_any_covered_part_breaks_that_link(string part)
    {
        var chain = Chain(5);
        var (link, hash) = chain[2];
        chain[2] = (part switch
        {
            "data" => link with { DataJson = """{"at":"2027-01-01T10:00:00-06:00"}""" },
            "metadata" => link with { MetadataJson = """{"role":"officer"}""" },
            "type" => link with { Type = "ChargesAmended" },
            _ => link with { EventId = Guid.NewGuid() },
        }, hash);

        EventChain.Verify(chain).FirstBrokenVersion.ShouldBe(3);
    }

    [Fact]
    public void the_hash_does_not_depend_on_member_order_or_spacing_of_the_stored_json()
    {
        var link = new ChainLink(Stream, 1, Guid.NewGuid(), "X", """{"b":1,"a":[1,2]}""", """{"y":"2","x":true}""");
        var reformatted = link with { DataJson = """{ "a": [1, 2], "b": 1 }""", MetadataJson = """{"x": true, "y": "2"}""" };

        EventChain.Hash("", reformatted).ShouldBe(EventChain.Hash("", link));
    }

    [Fact]
    public void removing_or_reordering_events_breaks_the_chain()
    {
        var removed = Chain(4);
        removed.RemoveAt(1);
        var swapped = Chain(4);
        (swapped[1], swapped[2]) = (swapped[2], swapped[1]);

        EventChain.Verify(removed).FirstBrokenVersion.ShouldBe(3);
        EventChain.Verify(swapped).FirstBrokenVersion.ShouldBe(3);
    }

    /// <summary>
    /// Stored chains were hashed over the whole document built as a tree and canonicalised; the hash composed from
    /// canonical parts must be the same for every link, or every stored chain would read as broken.
    /// </summary>
    [Fact]
    public void the_hash_is_the_one_of_the_whole_link_document_canonicalised()
    {
        var json = Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 6], Gen.OneOf<object>(
                Gen.Int.Select(i => (object)i), Gen.Double.Select(d => (object)Math.Round(d, 3)), Gen.String.Select(s => (object)s), Gen.Bool.Select(b => (object)b)))
            .Array[0, 6].Select(members => JsonSerializer.Serialize(members.DistinctBy(m => m.Item1).ToDictionary(m => m.Item1, m => m.Item2)));
        Gen.Select(Gen.Guid, Gen.Long[1, long.MaxValue / 2], Gen.String, json, json, Gen.OneOf(Gen.Const(EventChain.Genesis), Gen.String[Gen.Char.AlphaNumeric, 64, 64]))
            .Sample((stream, version, type, data, metadata, previous) =>
            {
                var link = new ChainLink(stream, version, Guid.NewGuid(), type, data, metadata);
                return EventChain.Hash(previous, link) == WholeDocumentHash(previous, link);
            });
    }

    private static string WholeDocumentHash(string previousHash, ChainLink link)
    {
        var document = new JsonObject
        {
            ["stream"] = link.StreamId.ToString(),
            ["version"] = link.Version,
            ["eventId"] = link.EventId.ToString(),
            ["type"] = link.Type,
            ["data"] = JsonNode.Parse(link.DataJson),
            ["metadata"] = JsonNode.Parse(link.MetadataJson),
            ["previous"] = previousHash,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Canonicalize(document.ToJsonString()))));
    }
}
