using CaseFlow.Domain.Agreements;

namespace CaseFlow.Domain.Tests.Agreements;

public class AgreementTests
{
    private static readonly AgreementSigned Signed = new(
        AgreementId.For("TX0790000", ProgramModel.JEM), "TX0790000", OriIsSurrogate: false, "Fort Bend County Sheriff's Office",
        "TX", "Fort Bend County", ProgramModel.JEM, new DateOnly(2025, 5, 28), "HOU", "America/Chicago",
        new DateOnly(2025, 7, 18), "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies07182025pm.xlsx");

    [Fact]
    public void an_agreement_id_follows_from_agency_and_model()
    {
        AgreementId.For("TX0790000", ProgramModel.JEM).ShouldBe(AgreementId.For("TX0790000", ProgramModel.JEM));
        AgreementId.For("TX0790000", ProgramModel.JEM).ShouldNotBe(AgreementId.For("TX0790000", ProgramModel.WSO));
        AgreementId.For("TX0790000", ProgramModel.JEM).ToString()[14].ShouldBe('5');
    }

    [Fact]
    public void a_signed_agreement_is_active_with_everything_the_list_said()
    {
        var agreement = Agreement.Sign(Signed);

        agreement.IsInForceAt(new DateTimeOffset(2025, 5, 28, 0, 0, 0, TimeSpan.FromHours(-5))).ShouldBeTrue();
        agreement.StatusAt(new DateTimeOffset(2025, 5, 27, 23, 59, 59, TimeSpan.FromHours(-5))).ShouldBeNull();
        agreement.Id.ShouldBe(Signed.AgreementId);
        agreement.Key.ShouldBe("TX0790000:JEM");
        agreement.SignedOn.ShouldBe(new DateOnly(2025, 5, 28));
        agreement.FieldOfficeCode.ShouldBe("HOU");
        agreement.TimeZone.ShouldBe("America/Chicago");
    }
}
