using CaseFlow.Domain.Agreements;

namespace CaseFlow.Domain.Cases;

/// <summary>The periods in which the case's agreement was suspended or terminated while the case was open (booking to closure).</summary>
public static class AgreementLapses
{
    public static IReadOnlyList<AgreementPeriod> WhileOpen(CaseFile state, Agreement? agreement, DateTimeOffset now)
    {
        if (agreement is null)
            return [];
        var closedAt = state.KeptEvents().OfType<CaseClosed>().LastOrDefault()?.ClosedAt;
        var openUntil = state.Disposition is not null && closedAt is { } closed ? closed : now;
        var periods = agreement.Periods;
        return periods
            .Where((p, i) => p.Status != AgreementStatus.Active && p.From <= openUntil && (i + 1 == periods.Count || periods[i + 1].From > state.BookedAt))
            .ToList();
    }
}
