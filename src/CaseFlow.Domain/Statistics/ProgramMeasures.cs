using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;

namespace CaseFlow.Domain.Statistics;

/// <summary>Officers certified at a month's end, and of them those whose refresher is overdue then.</summary>
public sealed record OfficerCounts(int Certified, int RefresherOverdue);

/// <summary>An officer counted as certified for a model, and whether their refresher for it is overdue.</summary>
public readonly record struct CertifiedStanding(bool RefresherOverdue);

/// <summary>Complaints the agencies learned of in a month, and of them those ICE was (or still is not) told of in time.</summary>
public sealed record ComplaintCounts(int Received, int ReportedLate);

/// <summary>Agreements in force at a month's end, by model, and the states with at least one of them, by model.</summary>
public sealed record AgreementCounts(int Jem, int Wso, int StatesJem, int StatesWso);

/// <summary>
/// The statistics of the program's governance records (agreements, officers, complaints), each counted from the
/// effective-dated record as of a month's end in the agency's own zone (docs/statistics.md).
/// </summary>
public static class ProgramMeasures
{
    /// <summary>
    /// Certified: certified for a model (the one asked about, or any) and not disqualified for it, nor revoked, at the
    /// month's last instant in the agency's zone. Overdue: certified, with such a model whose refresher fell due before
    /// the month's last day.
    /// </summary>
    public static OfficerCounts Officers(IEnumerable<(Officer Officer, string TimeZone)> officers, DateOnly month, RefresherPolicy refresher, ProgramModel? model = null)
    {
        int certified = 0, overdue = 0;
        foreach (var (officer, zone) in officers)
        {
            var end = StatisticsCalendar.EndOf(month, zone);
            var standings = officer.NominatedFor.Where(m => model is null || m == model)
                .Select(m => Standing(officer, m, end, refresher, zone)).OfType<CertifiedStanding>().ToList();
            if (standings.Count == 0)
                continue;
            certified++;
            if (standings.Any(s => s.RefresherOverdue))
                overdue++;
        }

        return new OfficerCounts(certified, overdue);
    }

    /// <summary>
    /// How the officer counts for a model at an instant: null unless certified for it then, not disqualified for it,
    /// and not revoked; else whether the refresher fell due before that instant's local day.
    /// </summary>
    public static CertifiedStanding? Standing(Officer officer, ProgramModel model, DateTimeOffset at, RefresherPolicy refresher, string timeZone) =>
        officer.CertifiedFor(model, at) && !officer.DisqualifiedFor(model, at) && officer.StatusAt(at) != OfficerStatus.Revoked
            ? new CertifiedStanding(officer.RefresherDueOn(model, refresher, timeZone, at) is { } due && due < LocalDay.Of(at, timeZone))
            : null;

    /// <summary>
    /// Received in the agency-local month the agency learned of the complaint; reported late when ICE was told after
    /// the 48 weekday hours (or, not told by <paramref name="now"/>, is already past them).
    /// </summary>
    public static ComplaintCounts Complaints(IEnumerable<Complaint> complaints, DateOnly month, DateTimeOffset now)
    {
        var received = complaints.Where(c => StatisticsCalendar.MonthOf(c.LearnedAt, c.TimeZone) == month).ToList();
        return new ComplaintCounts(received.Count, received.Count(c => c.NotificationLate(now)));
    }

    /// <summary>In force at the month's last instant in each agreement's own zone: suspended and terminated ones excluded.</summary>
    public static IReadOnlyList<Agreement> InForce(IEnumerable<Agreement> agreements, DateOnly month)
    {
        // The nation's hundreds of agreements share a handful of zones: each zone's month end is computed once.
        var ends = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        return [.. agreements.Where(a => a.IsInForceAt(ends.TryGetValue(a.TimeZone, out var end) ? end : ends[a.TimeZone] = StatisticsCalendar.EndOf(month, a.TimeZone)))];
    }

    public static AgreementCounts Count(IReadOnlyList<Agreement> inForce)
    {
        int Of(ProgramModel model) => inForce.Count(a => a.Model == model);
        int States(ProgramModel model) => inForce.Where(a => a.Model == model).Select(a => a.StateCode).Distinct().Count();
        return new AgreementCounts(Of(ProgramModel.JEM), Of(ProgramModel.WSO), States(ProgramModel.JEM), States(ProgramModel.WSO));
    }
}
