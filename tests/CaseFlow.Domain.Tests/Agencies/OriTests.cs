using CaseFlow.Domain.Agencies;
using CsCheck;

namespace CaseFlow.Domain.Tests.Agencies;

public class OriTests
{
    private static readonly Gen<string> StateCode = Gen.Char['A', 'Z'].Array[2].Select(c => new string(c));
    private static readonly Gen<string> AgencyName = Gen.String[Gen.Char.AlphaNumeric, 1, 80];

    [Fact]
    public void a_surrogate_is_a_well_formed_ori_that_no_state_prefix_can_produce() =>
        Gen.Select(StateCode, AgencyName).Sample((state, name) =>
        {
            var ori = Ori.Surrogate(state, name);
            return Ori.IsWellFormed(ori) && Ori.IsSurrogate(ori) && ori[1..3] == state;
        });

    [Fact]
    public void the_same_agency_always_gets_the_same_surrogate_whatever_apostrophe_case_or_spacing_ICE_printed()
    {
        var expected = Ori.Surrogate("TX", "Walker County Sheriff's Department");

        Ori.Surrogate("TX", "Walker County Sheriff\u2019s Department").ShouldBe(expected);
        Ori.Surrogate("tx", "WALKER  COUNTY SHERIFF'S DEPARTMENT ").ShouldBe(expected);
    }

    [Fact]
    public void different_agencies_get_different_surrogates()
    {
        Ori.Surrogate("KY", "Grayson County Detention Center").ShouldNotBe(Ori.Surrogate("KY", "Oldham County Detention Center"));
        Ori.Surrogate("KY", "Grayson County Detention Center").ShouldNotBe(Ori.Surrogate("OK", "Grayson County Detention Center"));
    }

    [Theory]
    [InlineData("TX0790000", true)]
    [InlineData("SCLED0000", true)]
    [InlineData("tx0790000", false)]
    [InlineData("TX079000", false)]
    [InlineData("TX07900000", false)]
    [InlineData("TX-790000", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void well_formed_means_nine_upper_case_letters_or_digits(string? value, bool expected) =>
        Ori.IsWellFormed(value).ShouldBe(expected);
}
