namespace CaseFlow.Domain.Cases;

/// <summary>ICE's criminality classes of detainer data (<c>detainer_criminality</c>: 1, 2, 3).</summary>
public enum CriminalityClass
{
    ConvictedCriminal,
    PendingCriminalCharges,
    OtherImmigrationViolator,
}

/// <summary>The most serious conviction or charge (ICE's <c>msc_charge</c>): its level, and whether it is a conviction.</summary>
public sealed record MostSeriousOffence(ChargeLevel Level, bool Convicted, OffenceCategory? Category);

/// <summary>
/// Where the case stands for ICE's statistics, derived from the recorded convictions and the case's current charges,
/// so an amendment of the charges moves the case between classes.
/// </summary>
public static class Criminality
{
    /// <summary>
    /// Convicted criminal with any prior conviction; else pending criminal charges while a criminal charge stands;
    /// else other immigration violator. Null until a records check has recorded its convictions (found or none).
    /// </summary>
    public static CriminalityClass? ClassOf(CaseFile state) =>
        state.PriorConvictions is not { } convictions ? null
        : convictions.Count > 0 ? CriminalityClass.ConvictedCriminal
        : state.HasCriminalCharge ? CriminalityClass.PendingCriminalCharges
        : CriminalityClass.OtherImmigrationViolator;

    /// <summary>
    /// The highest level among the recorded convictions and the current charges (felony, misdemeanour, infraction,
    /// civil, in <see cref="ChargeLevel"/> order); at the same level a conviction outranks a charge. Null without either.
    /// </summary>
    public static MostSeriousOffence? MostSerious(CaseFile state) =>
        (state.PriorConvictions ?? []).Select(c => new MostSeriousOffence(c.AsChargeLevel, true, c.Category))
            .Concat(state.Charges.Select(c => new MostSeriousOffence(c.Level, false, null)))
            .OrderBy(o => o.Level)
            .ThenByDescending(o => o.Convicted)
            .FirstOrDefault();
}
