using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;

namespace CaseFlow.Domain.Tests;

/// <summary>
/// The ids offline clients compute from the README ("Ids clients can compute"), pinned as literals computed outside
/// CaseFlow (Python: <c>uuid.uuid5(uuid.UUID(namespace), "TX0790000|...")</c>): a changed namespace or name format
/// breaks this build instead of every client that already computes them.
/// </summary>
public class DocumentedIdTests
{
    [Fact]
    public void a_case_id_is_uuid5_of_ori_and_booking_number_in_the_documented_namespace() =>
        CaseId.For("TX0790000", "FB-2026-000123").ShouldBe(new Guid("b518351b-1247-5328-b6b8-68560bf22afc"));

    [Fact]
    public void an_agreement_id_is_uuid5_of_ori_and_model_in_the_documented_namespace() =>
        AgreementId.For("TX0790000", ProgramModel.JEM).ShouldBe(new Guid("440248ac-4a7c-56d9-b000-5b41b78d4c9a"));

    [Fact]
    public void an_officer_id_is_uuid5_of_ori_and_badge_number_in_the_documented_namespace() =>
        OfficerId.For("TX0790000", "FB-1001").ShouldBe(new Guid("cf8ea0d7-a3e1-5671-a16b-d7eb31c437d0"));

    [Fact]
    public void a_complaint_id_is_uuid5_of_ori_and_complaint_number_in_the_documented_namespace() =>
        ComplaintId.For("TX0790000", "C-2026-0001").ShouldBe(new Guid("d4c94ae1-2a6b-501f-8a5b-2cae6eac0cb7"));
}
