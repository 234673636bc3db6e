using CaseFlow.Domain.Officers;
using CaseFlow.Server.Governance;
using Microsoft.Extensions.Configuration;

namespace CaseFlow.Server.Tests.Governance;

/// <summary>Governance__RefresherMonths: a whole number of calendar months, 24 unless set; a node does not start with a nonsense value.</summary>
public class GovernanceOptionsTests
{
    private static GovernanceOptions Bound(string? months)
    {
        var settings = new Dictionary<string, string?>();
        if (months is not null)
            settings["Governance:RefresherMonths"] = months;
        var options = new GovernanceOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(GovernanceOptions.Section).Bind(options);
        return options;
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("1", true)]
    [InlineData("12", true)]
    [InlineData("120", true)]
    [InlineData("0", false)]
    [InlineData("121", false)]
    [InlineData("-24", false)]
    public void the_refresher_interval_is_validated_at_start(string? months, bool valid) =>
        new GovernanceOptionsValidation().Validate(null, Bound(months)).Succeeded.ShouldBe(valid);

    [Fact]
    public void the_default_is_24_months() => Bound(null).Refresher.ShouldBe(new RefresherPolicy(24));

    [Fact]
    public void a_value_that_is_not_a_whole_number_of_months_is_refused() =>
        Should.Throw<InvalidOperationException>(() => Bound("730.00:00:00"));
}
