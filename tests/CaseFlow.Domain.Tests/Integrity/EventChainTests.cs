using CaseFlow.Domain.Integrity;

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
}
