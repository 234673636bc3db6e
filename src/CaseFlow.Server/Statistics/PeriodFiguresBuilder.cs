using CaseFlow.Domain.Statistics;

namespace CaseFlow.Server.Statistics;

/// <summary>Assembles the figures of one period from the aggregated case measures and the governance counts as of its end.</summary>
public static class PeriodFiguresBuilder
{
    public const int TopCountryCount = 10;

    /// <param name="month">The month (<c>YYYY-MM</c>) the case measures are read for; null for the fiscal year.</param>
    public static PeriodFigures Of(
        string period, MeasureTable table, string? month, OfficerCounts officers, ComplaintCounts complaints, AgreementCounts agreements)
    {
        MeasureCell Cell(string measure, string? key = null) => table[measure, month, key];
        IReadOnlyList<KeyCount> By(string measure, int take = int.MaxValue) =>
            [.. table.Breakdown(measure, month).Take(take).Select(b => new KeyCount(b.Key, b.Count))];

        var claims = Cell(Measures.CitizenshipClaimsResolved);
        var noticesDue = Cell(Measures.DetainerNoticesDue).Count;
        var noticesInTime = Cell(Measures.DetainerNoticesWithin24h).Count;
        var reviews = Cell(Measures.SupervisoryReviews);
        var returned = Cell(Measures.SupervisoryReviews, CaseMeasures.Returned).Count;
        var transfers = Cell(Measures.CustodyTransfers);
        return new PeriodFigures(
            period,
            Cell(Measures.BookingsReferred).Count,
            Cell(Measures.BookingsScreened).Count,
            Cell(Measures.Encounters).Count,
            Cell(Measures.CitizenshipClaims).Count,
            claims.Count, claims.Median, claims.P90,
            Cell(Measures.DetainersLodged).Count,
            By(Measures.DetainersByBasis),
            By(Measures.DetainersByCriminality),
            noticesDue, noticesInTime, Rate(noticesInTime, noticesDue),
            Cell(Measures.DetainersLifted).Count,
            By(Measures.DetainersLifted),
            Cell(Measures.I213s).Count,
            Cell(Measures.ChargingDocuments).Count,
            By(Measures.ChargingDocuments),
            reviews.Count, returned, Rate(returned, reviews.Count), reviews.Median,
            Cell(Measures.Releases).Count,
            Cell(Measures.HoldsStarted).Count,
            Cell(Measures.HoldsExpiredWithoutPickup).Count,
            transfers.Count, transfers.Median,
            By(Measures.EncountersByCountry, TopCountryCount),
            officers.Certified, officers.RefresherOverdue,
            complaints.Received, complaints.ReportedLate,
            agreements.Jem, agreements.Wso);
    }

    /// <summary>A share to four decimal places; null when nothing was counted to share.</summary>
    public static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}
