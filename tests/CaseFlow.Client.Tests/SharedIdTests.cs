using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;
using CaseFlow.Ids;
using CsCheck;

namespace CaseFlow.Client.Tests;

/// <summary>What a client computes is what the server computes, for any ORI and number (the README's literals are pinned in DocumentedIdTests).</summary>
public class SharedIdTests
{
    private static readonly Gen<(string Ori, string Number)> Keys = Gen.Select(Gen.String[1, 12], Gen.String[1, 40]);

    [Fact]
    public void the_client_and_the_server_derive_the_same_ids() => Keys.Sample(key =>
    {
        CaseFlowIds.Case(key.Ori, key.Number).ShouldBe(CaseId.For(key.Ori, key.Number));
        CaseFlowIds.Officer(key.Ori, key.Number).ShouldBe(OfficerId.For(key.Ori, key.Number));
        CaseFlowIds.Complaint(key.Ori, key.Number).ShouldBe(ComplaintId.For(key.Ori, key.Number));
        foreach (var model in Enum.GetValues<ProgramModel>())
            CaseFlowIds.Agreement(key.Ori, model.ToString()).ShouldBe(AgreementId.For(key.Ori, model));
    });
}
