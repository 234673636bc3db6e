using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Statistics;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>What program totals must say of ICE's list of 2025-07-18 when every listed agreement is in force.</summary>
public static class IceList
{
    /// <summary>117 JEM and 300 WSO agreements in the listed states, each state's counts as listed, and the list named as a source.</summary>
    public static void ShouldBeCountedIn(ProgramTotals totals, IReadOnlyList<AgreementSigned> listed)
    {
        var listedStates = listed.Select(a => a.StateCode).ToHashSet();
        var byState = totals.ByState.Where(s => listedStates.Contains(s.State)).ToList();
        byState.Sum(s => s.Jem).ShouldBe(117);
        byState.Sum(s => s.Wso).ShouldBe(300);
        foreach (var state in byState)
        {
            (state.Jem, state.Wso).ShouldBe((listed.Count(a => a.StateCode == state.State && a.Model == ProgramModel.JEM),
                listed.Count(a => a.StateCode == state.State && a.Model == ProgramModel.WSO)), state.State);
        }

        totals.Sources.ShouldContain(listed[0].Source);
    }
}
