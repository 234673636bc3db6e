using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Domain.Statistics;

/// <summary>The versioned definition of an encounter the encounter figures are counted under.</summary>
public sealed record EncounterDefinition(string Version, string Definition)
{
    public static readonly EncounterDefinition Current = new(EncounterPolicy.Version, EncounterPolicy.Definition);
}

/// <summary>Agreements in force in one state at the period's end, by model.</summary>
public sealed record StateAgreements(string State, int Jem, int Wso);

/// <summary>
/// The program totals ICE's monthly report ends with, for the scope: agreements in force by model and the states they
/// are in, as of the period's last day in each agreement's own zone, from the agreement streams whose sources are named;
/// and the encounters of the fiscal year up to the period's end.
/// </summary>
public sealed record ProgramTotals(
    string AsOfMonth, IReadOnlyList<string> Sources, int AgreementsJem, int AgreementsWso, int StatesJem, int StatesWso,
    IReadOnlyList<StateAgreements> ByState, int EncountersFiscalYearToDate)
{
    /// <param name="agreements">The scope's agreements, whose sources are named.</param>
    /// <param name="inForce">Those of them in force at the end of <paramref name="month"/>.</param>
    public static ProgramTotals Of(IReadOnlyList<Agreement> agreements, IReadOnlyList<Agreement> inForce, DateOnly month, int encountersToDate)
    {
        var counts = ProgramMeasures.Count(inForce);
        var byState = inForce.GroupBy(a => a.StateCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StateAgreements(g.Key, g.Count(a => a.Model == ProgramModel.JEM), g.Count(a => a.Model == ProgramModel.WSO)))
            .ToList();
        return new ProgramTotals(StatisticsCalendar.Name(month), [.. agreements.Select(a => a.Source).Distinct().Order(StringComparer.Ordinal)],
            counts.Jem, counts.Wso, counts.StatesJem, counts.StatesWso, byState, encountersToDate);
    }
}
