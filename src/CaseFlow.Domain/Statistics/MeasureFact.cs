namespace CaseFlow.Domain.Statistics;

/// <summary>
/// One countable thing a case contributes to the statistics: which <see cref="Measure"/> (from <see cref="Measures"/>),
/// an optional breakdown <see cref="Key"/> (a basis, a class, a reason, a country), the agency-local month
/// (<c>YYYY-MM</c>) and fiscal year it happened in, and for the measures with a duration its length in whole seconds.
/// Never a person, a case id or a free text.
/// </summary>
public sealed record MeasureFact(string Measure, string? Key, string Month, int FiscalYear, long? Seconds = null)
{
    public static MeasureFact At(string measure, DateTimeOffset instant, string timeZone, string? key = null, TimeSpan? duration = null)
    {
        var month = StatisticsCalendar.MonthOf(instant, timeZone);
        return new MeasureFact(measure, key, StatisticsCalendar.Name(month), StatisticsCalendar.FiscalYearOf(month),
            duration is { } d ? (long)Math.Floor(d.TotalSeconds) : null);
    }
}

/// <summary>The names of the case measures; each is defined in docs/statistics.md.</summary>
public static class Measures
{
    public const string BookingsReferred = "bookings-referred";
    public const string BookingsScreened = "bookings-screened";
    public const string Encounters = "encounters";
    public const string EncountersByCountry = "encounters-by-country";
    public const string CitizenshipClaims = "citizenship-claims";
    public const string CitizenshipClaimsResolved = "citizenship-claims-resolved";
    public const string DetainersLodged = "detainers-lodged";
    public const string DetainersByBasis = "detainers-by-basis";
    public const string DetainersByCriminality = "detainers-by-criminality";
    public const string DetainerNoticesDue = "detainer-notices-due";
    public const string DetainerNoticesWithin24h = "detainer-notices-within-24h";
    public const string DetainersLifted = "detainers-lifted";
    public const string I213s = "i213s";
    public const string ChargingDocuments = "charging-documents";
    public const string SupervisoryReviews = "supervisory-reviews";
    public const string Releases = "releases";
    public const string HoldsStarted = "holds-started";
    public const string HoldsExpiredWithoutPickup = "holds-expired-without-pickup";
    public const string CustodyTransfers = "custody-transfers";
}
