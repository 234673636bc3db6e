using CaseFlow.Domain;
using CaseFlow.Domain.Agencies;
using CaseFlow.Server.ReferenceData;

namespace CaseFlow.Server.Tests.ReferenceData;

/// <summary>The join of ICE's list to field offices and time zones, checked against the counts the sources publish.</summary>
public class AgreementCatalogTests
{
    private static readonly IReadOnlyList<CaseFlow.Domain.Agreements.AgreementSigned> Catalog = AgreementCatalog.Load();

    [Fact]
    public void it_holds_the_published_jem_and_wso_agreements_and_no_task_force_rows()
    {
        Catalog.Count(a => a.Model == ProgramModel.JEM).ShouldBe(117);
        Catalog.Count(a => a.Model == ProgramModel.WSO).ShouldBe(300);
    }

    [Fact]
    public void agreement_ids_are_unique_per_agency_and_model()
    {
        Catalog.Select(a => a.AgreementId).Distinct().Count().ShouldBe(Catalog.Count);
        Catalog.Select(a => (a.Ori, a.Model)).Distinct().Count().ShouldBe(Catalog.Count);
    }

    [Fact]
    public void agencies_without_a_published_ori_get_a_surrogate_that_cannot_be_a_real_ori()
    {
        var surrogates = Catalog.Where(a => a.OriIsSurrogate).ToList();

        surrogates.Count.ShouldBe(28);
        surrogates.ShouldAllBe(a => Ori.IsSurrogate(a.Ori) && Ori.IsWellFormed(a.Ori) && a.Ori.Substring(1, 2) == a.StateCode);
        Catalog.Where(a => !a.OriIsSurrogate).ShouldAllBe(a => Ori.IsWellFormed(a.Ori) && !Ori.IsSurrogate(a.Ori));
    }

    [Fact]
    public void an_agency_holding_both_models_has_one_surrogate_for_both()
    {
        var oklahomaCorrections = Catalog.Where(a => a.AgencyName == "Oklahoma Department of Corrections").ToList();

        oklahomaCorrections.Select(a => a.Model).ShouldBe([ProgramModel.JEM, ProgramModel.WSO], ignoreOrder: true);
        oklahomaCorrections.Select(a => a.Ori).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public void every_agreement_resolves_to_a_known_field_office_and_a_real_time_zone()
    {
        var offices = ReferenceFiles.Read<FieldOfficeRow>(ReferenceFiles.FieldOffices).Select(r => r.FieldOfficeCode).ToHashSet();

        Catalog.ShouldAllBe(a => offices.Contains(a.FieldOfficeCode));
        Catalog.ShouldAllBe(a => TimeZoneInfo.FindSystemTimeZoneById(a.TimeZone) != null);
    }

    [Theory]
    [InlineData("FL", "Santa Rosa County Sheriff's Office", "MIA", "America/Chicago")]
    [InlineData("TX", "Winkler County Sheriff's Office", "ELP", "America/Chicago")]
    [InlineData("TN", "Knox County Sheriff\u2019s Office", "NOL", "America/New_York")]
    [InlineData("TX", "Nixon Police Department", "SNA", "America/Chicago")]
    [InlineData("MI", "Berrian County Sheriff's Office", "DET", "America/Detroit")]
    [InlineData("AK", "Alaska Department of Corrections", "SEA", "America/Anchorage")]
    public void split_states_and_overrides_resolve_by_county(string state, string agency, string office, string zone)
    {
        var agreement = Catalog.First(a => a.StateCode == state && a.AgencyName == agency);

        agreement.FieldOfficeCode.ShouldBe(office);
        agreement.TimeZone.ShouldBe(zone);
    }

    [Fact]
    public void every_county_override_is_used()
    {
        var overrides = ReferenceFiles.Read<CountyOverrideRow>(ReferenceFiles.CountyOverrides);

        overrides.ShouldAllBe(o => Catalog.Any(a => a.StateCode == o.StateCode && a.AgencyName == o.AgencyName && a.Model.ToString() == o.Model));
    }
}
