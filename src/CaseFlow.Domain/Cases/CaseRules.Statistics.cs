namespace CaseFlow.Domain.Cases;

public static partial class CaseRules
{
    /// <summary>
    /// The statistics' facts are closed vocabularies: a country of citizenship is an assigned ISO 3166-1 alpha-2 code,
    /// and not the United States for a person determined to be a foreign national.
    /// </summary>
    private static Refusal? StatisticsFacts(object @event) => @event switch
    {
        DeterminationRecorded { CitizenshipCountry: { } country } when !CountryCodes.IsAssigned(country) => new Refusal("unknown-country-code",
            "Not an ISO 3166-1 country code", "citizenshipCountry is the two upper-case letters ISO 3166-1 assigns to the country (MX, GT, HN, ...); leave it out when not known."),
        DeterminationRecorded { CitizenshipCountry: "US", Outcome: Determination.Removable or Determination.NotRemovable } => new Refusal(
            "citizenship-contradicts-determination", "A US citizen is no foreign national",
            "A determination of removable or of lawful status names the foreign country of citizenship; a person who may be a US citizen is a citizenship claim."),
        _ => null,
    };
}
