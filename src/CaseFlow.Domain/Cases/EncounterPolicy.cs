namespace CaseFlow.Domain.Cases;

/// <summary>Whether a case counts as an encounter, under which version of the definition, and when and in which fiscal year.</summary>
public sealed record Encounter(bool Counts, string PolicyVersion, DateTimeOffset? At, int? FiscalYear);

/// <summary>
/// What an "encounter" is, for the fiscal-year total ICE's monthly 287(g) report ends with (domain.md section 3): a
/// versioned definition, printed with every total counted under it. Change the definition only by adding a version.
/// </summary>
public static class EncounterPolicy
{
    public const string Version = "encounter/1";

    public const string Definition =
        "An encounter is a person booked under a JEM agreement whom a designated officer screened and determined to be a foreign "
        + "national (a determination of removable, or of lawful status and not removable). Each case counts once, on the "
        + "agency-local date of that determination; a case whose determination is voided or becomes a citizenship claim no longer counts. "
        + "WSO cases are not screened by the agency and do not count.";

    public static Encounter Of(CaseFile state)
    {
        var counts = state.Model == ProgramModel.JEM && state.ScreeningOpenedAt is not null
            && state.Determination is Determination.Removable or Determination.NotRemovable;
        var at = counts ? state.DeterminedAt : null;
        return new Encounter(counts, Version, at, at is { } instant ? FiscalYearOf(LocalDay.Of(instant, state.TimeZone)) : null);
    }

    /// <summary>The federal fiscal year runs 1 October to 30 September and is named for the year it ends in.</summary>
    public static int FiscalYearOf(DateOnly day) => day.Month >= 10 ? day.Year + 1 : day.Year;
}
