namespace CaseFlow.Domain.Cases;

public static partial class CaseRules
{
    /// <summary>The statistics' facts are closed vocabularies: a country of citizenship is an assigned ISO 3166-1 alpha-2 code.</summary>
    private static Refusal? StatisticsFacts(object @event) => @event switch
    {
        DeterminationRecorded { CitizenshipCountry: { } country } when !CountryCodes.IsAssigned(country) => new Refusal("unknown-country-code",
            "Not an ISO 3166-1 country code", "citizenshipCountry is the two upper-case letters ISO 3166-1 assigns to the country (MX, GT, HN, ...); leave it out when not known."),
        _ => null,
    };
}
