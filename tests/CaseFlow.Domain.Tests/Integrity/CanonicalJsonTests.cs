using System.Text.Json;
using CaseFlow.Domain.Integrity;
using CsCheck;

namespace CaseFlow.Domain.Tests.Integrity;

/// <summary>RFC 8785 (JSON Canonicalization Scheme), checked against the RFC's own examples.</summary>
public class CanonicalJsonTests
{
    [Theory]
    // RFC 8785 appendix B: IEEE 754 values and their ECMAScript serialisations.
    [InlineData(0x0000000000000000, "0")]
    [InlineData(0x8000000000000000, "0")]
    [InlineData(0x0000000000000001, "5e-324")]
    [InlineData(0x8000000000000001, "-5e-324")]
    [InlineData(0x7fefffffffffffff, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffff, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000, "9007199254740992")]
    [InlineData(0xc340000000000000, "-9007199254740992")]
    [InlineData(0x4430000000000000, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6, "1e+23")]
    [InlineData(0x44b52d02c7e14af7, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4e, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4f, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8d, "0.000001")]
    [InlineData(0x41b3de4355555553, "333333333.3333332")]
    [InlineData(0x41b3de4355555554, "333333333.33333325")]
    [InlineData(0x41b3de4355555555, "333333333.3333333")]
    [InlineData(0x41b3de4355555556, "333333333.3333334")]
    [InlineData(0x41b3de4355555557, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959, "1424953923781206.2")]
    public void numbers_are_written_as_ecmascript_writes_them(ulong bits, string expected) =>
        CanonicalJson.Number(BitConverter.UInt64BitsToDouble(bits)).ShouldBe(expected);

    [Fact]
    public void the_rfcs_sample_object_canonicalises_to_its_published_form()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        CanonicalJson.Canonicalize(input).ShouldBe(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    [Fact]
    public void members_are_sorted_by_utf16_code_units()
    {
        const string input = """{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}""";

        var order = JsonDocument.Parse(CanonicalJson.Canonicalize(input)).RootElement.EnumerateObject().Select(p => p.Value.GetString());

        order.ShouldBe(["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"]);
    }

    [Fact]
    public void canonical_form_is_a_fixed_point_and_ignores_member_order_and_spacing()
    {
        var member = Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 8], Gen.OneOf<object>(Gen.Int.Select(i => (object)i), Gen.Double.Select(d => (object)Math.Round(d, 3)), Gen.String.Select(s => (object)s), Gen.Bool.Select(b => (object)b)));
        member.Array[0, 10].Sample(members =>
        {
            var unique = members.DistinctBy(m => m.Item1).ToList();
            var forwards = JsonSerializer.Serialize(unique.ToDictionary(m => m.Item1, m => m.Item2));
            var backwards = JsonSerializer.Serialize(Enumerable.Reverse(unique).ToDictionary(m => m.Item1, m => m.Item2), new JsonSerializerOptions { WriteIndented = true });
            var canonical = CanonicalJson.Canonicalize(forwards);
            return canonical == CanonicalJson.Canonicalize(backwards) && canonical == CanonicalJson.Canonicalize(canonical);
        });
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData("[1,{\"hash\":\"x\"}]", "[1,{\"hash\":\"x\"}]")]
    [InlineData("{\"b\":1,\"hash\":\"h\",\"a\":2}", "{\"a\":2,\"b\":1}")]
    public void an_object_without_a_member_also_reads_a_value_that_is_no_object_without_throwing(string json, string canonical)
    {
        var (text, omitted) = CanonicalJson.ObjectWithout(json, "hash");

        text.ShouldBe(canonical);
        omitted.ShouldBe(json.StartsWith('{') ? "h" : null);
    }
}
