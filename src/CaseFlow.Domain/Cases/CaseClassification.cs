namespace CaseFlow.Domain.Cases;

/// <summary>The facts ICE's statistics count a case by, as the case summary shows them (derived, never stored).</summary>
public sealed record CaseClassification(
    string? CitizenshipCountry, ImmigrationStatus? ImmigrationStatus, CriminalityClass? CriminalityClass, MostSeriousOffence? MostSerious,
    Encounter Encounter, DateTimeOffset? ReleaseNotificationRequestedAt)
{
    public static CaseClassification Of(CaseFile state) => new(
        state.CitizenshipCountry, state.ImmigrationStatus, Criminality.ClassOf(state), Criminality.MostSerious(state), EncounterPolicy.Of(state),
        state.ReleaseNotificationRequestedAt);
}
