using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Statistics;
using Marten;

namespace CaseFlow.Server.Reports;

/// <summary>
/// Computes a month's report as the events give it now (the draft): the statistics facts counted by agency, the
/// agreements in force at the month's end, and the latest release of every earlier month for its revisions.
/// </summary>
public sealed class MonthlyReports(QueueFreshness freshness, CurrentAgreements current, KeptReleases kept)
{
    /// <param name="position">A position to wait for (bounded) before counting; the report's own <c>position</c> says how far the statistics were.</param>
    public async Task<MonthlyReport> Draft(DateOnly month, long? position, IQuerySession session, CancellationToken ct)
    {
        var (reached, _) = await freshness.Reach(position, ct);
        var agreements = await current.All(session, ct);
        var releases = await kept.Latest(session, ct);
        var name = StatisticsCalendar.Name(month);
        var from = releases.Select(r => r.Report.Month).Where(m => string.CompareOrdinal(m, name) < 0)
            .Append(StatisticsCalendar.Name(StatisticsCalendar.MonthsOf(StatisticsCalendar.FiscalYearOf(month))[0]))
            .Append(StatisticsCalendar.Name(month.AddMonths(-1)))
            .Min(StringComparer.Ordinal)!;
        var counts = await ReportCountsReader.Read(session.DocumentStore, from, name, ct);
        var agencies = agreements.Select(a => new ReportAgency(a.Ori, a.AgencyName, a.StateCode, a.Model)).DistinctBy(a => (a.Ori, a.Model)).ToList();
        var totals = ProgramTotals.Of(agreements, ProgramMeasures.InForce(agreements, month), month, 0);
        return MonthlyReportBuilder.Build(month, reached, totals, agencies, counts, releases);
    }
}
