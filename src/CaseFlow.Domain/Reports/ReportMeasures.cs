using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Reports;

/// <summary>
/// One measure of the monthly report: its name in the JSON and the CSV, the statistics fact it counts (<see cref="Measures"/>,
/// defined once in docs/statistics.md), and how the page labels it and its unit.
/// </summary>
public sealed record ReportMeasure(string Name, string Fact, string Label, string Unit);

/// <summary>The measures of the monthly report, in the order every table, file and page shows them.</summary>
public static class ReportMeasures
{
    public static readonly IReadOnlyList<ReportMeasure> All =
    [
        new("bookingsScreened", Measures.BookingsScreened, "Bookings screened", "bookings"),
        new("encounters", Measures.Encounters, "Encounters", "people"),
        new("detainersLodged", Measures.DetainersLodged, "Detainers lodged", "detainers"),
        new("detainerNoticesWithin24h", Measures.DetainerNoticesWithin24h, "Detainer notices within 24 hours", "notices"),
        new("chargingDocuments", Measures.ChargingDocuments, "Charging documents", "cases"),
        new("custodyTransfers", Measures.CustodyTransfers, "Custody transfers to ICE", "transfers"),
        new("holdsExpiredWithoutPickup", Measures.HoldsExpiredWithoutPickup, "Holds expired without pickup", "holds"),
    ];

    public static ReportMeasure Named(string name) => All.Single(m => m.Name == name);
}

/// <summary>The tables of a monthly report, as the JSON, the CSV's <c>?table=</c> and a revision's <c>table</c> name them.</summary>
public static class ReportTables
{
    /// <summary>The agreements in force and the month's national figures.</summary>
    public const string ProgramTotals = "program-totals";
    public const string States = "states";
    public const string Agencies = "agencies";
    public const string Revisions = "revisions";

    public static readonly IReadOnlyList<string> All = [ProgramTotals, States, Agencies, Revisions];

    /// <summary>The row of the national figures in the program totals (a revision's <c>row</c>).</summary>
    public const string NationalRow = "national";
}
