using System.Security.Claims;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using Marten;

namespace CaseFlow.Server.Statistics;

/// <summary>
/// Answers a statistics request: the request checked, the caller's reach (design.md: a jail its own agency, a supervisor
/// the field office and its agencies, everyone else all), the wait for the position asked for, the case measures
/// and the officer and complaint counts from their stored rows, and the agreements in force at each month's end.
/// </summary>
public sealed class StatisticsRunner(QueueFreshness freshness, CurrentAgreements current, TimeProvider clock)
{
    public async Task<IResult> Read(
        StatisticsLevel level, string? code, StatisticsPeriod period, ClaimsPrincipal user, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        if (StatisticsRequest.Read(level, code, period, DateOnly.FromDateTime(now.UtcDateTime), errors) is not { } request)
            return Results.Problem(errors.ToProblem());

        var scope = CallerScope.From(user);
        var agreements = Reaches(scope, request) ? await AgreementsOf(session, request, scope, ct) : [];
        if (agreements.Count == 0)
            return Problems.NotFound("statistics-scope");

        var (position, stale) = await freshness.Reach(request.Position, ct);
        var oris = request.Level == StatisticsLevel.National ? null : agreements.Select(a => a.Ori).Distinct().ToList();
        var answer = await Answer(request, agreements, oris, session, now, ct) with { Position = position, Stale = stale };
        return StatisticsCsv.Accepts(http.Request)
            ? Results.Text(StatisticsCsv.Write(answer), StatisticsCsv.MediaType)
            : Results.Ok(answer);
    }

    /// <summary>A jail reads its own agency only, a supervisor the field office and its agencies; a wider roll-up is out of their reach.</summary>
    private static bool Reaches(CallerScope scope, StatisticsRequest request) =>
        !(scope.IsAgency || scope.IsSupervisor)
        || request.Level == StatisticsLevel.Jurisdiction
        || (request.Level == StatisticsLevel.FieldOffice && scope.IsSupervisor);

    private async Task<IReadOnlyList<Agreement>> AgreementsOf(IQuerySession session, StatisticsRequest request, CallerScope scope, CancellationToken ct)
    {
        var code = request.Code;
        var all = await current.All(session, ct);
        var ofLevel = request.Level switch
        {
            StatisticsLevel.Jurisdiction => all.Where(a => a.Ori == code),
            StatisticsLevel.State => all.Where(a => a.StateCode == code),
            StatisticsLevel.FieldOffice => all.Where(a => a.FieldOfficeCode == code),
            _ => all,
        };
        // Filtered in memory: as a query over the list, the filters' expressions were compiled on every request, a tenth
        // of a statistics read's CPU.
        return [.. ofLevel.Where(scope.CanSee)];
    }

    private async Task<StatisticsAnswer> Answer(
        StatisticsRequest request, IReadOnlyList<Agreement> agreements, IReadOnlyList<string>? oris, IQuerySession session, DateTimeOffset now, CancellationToken ct)
    {
        var months = request.Month is { } one ? [one] : StatisticsCalendar.MonthsOf(request.FiscalYear);
        // Three queries on connections of their own, at once: the answer waits for the slowest, not for their sum.
        var monthAsked = request.Month is { } asked ? StatisticsCalendar.Name(asked) : null;
        var reading = MeasureTable.Read(session.DocumentStore, MeasureTable.ScopeOf(request.Level, request.Code), request.FiscalYear, monthAsked, request.Model, ct);
        var counting = GovernanceCounts.Officers(session.DocumentStore, months, oris, request.Model, ct);
        var complaining = GovernanceCounts.Complaints(session.DocumentStore, months, oris, now, ct);
        await Task.WhenAll(reading, counting, complaining);
        var (table, officers, complaints) = (await reading, await counting, await complaining);
        var ofModel = agreements.Where(a => request.Model is null || a.Model == request.Model).ToList();

        // The agreements in force at each month's end, once: the fiscal year's total and the program totals stand at the last month's.
        var inForce = months.ToDictionary(m => m, m => ProgramMeasures.InForce(ofModel, m));
        PeriodFigures Figures(string period, string? month, DateOnly asOf, ComplaintCounts received) =>
            PeriodFiguresBuilder.Of(period, table, month, officers[asOf], received, ProgramMeasures.Count(inForce[asOf]));

        var series = months.Select(m => Figures(StatisticsCalendar.Name(m), StatisticsCalendar.Name(m), m, complaints[m])).ToList();
        var last = months[^1];
        var total = request.Month is null
            ? Figures($"FY{request.FiscalYear}", null, last,
                new ComplaintCounts(series.Sum(s => s.ComplaintsReceived), series.Sum(s => s.ComplaintsReportedLate)))
            : series[0];
        var toDate = StatisticsCalendar.MonthsOf(request.FiscalYear).Where(m => m <= last).Sum(m => table[Measures.Encounters, StatisticsCalendar.Name(m)].Count);
        return new StatisticsAnswer(
            new StatisticsScope(request.LevelName, request.Code, request.Model), request.FiscalYear, monthAsked,
            EncounterDefinition.Current, ProgramTotals.Of(ofModel, inForce[last], last, toDate), series, total, 0, false);
    }
}
