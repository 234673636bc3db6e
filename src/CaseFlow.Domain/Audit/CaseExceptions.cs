using CaseFlow.Domain.Cases;

namespace CaseFlow.Domain.Audit;

/// <summary>
/// The findings a case holds by itself: its summary's deadlines (<see cref="CaseDeadlines"/>, the very rules of the
/// summary and the deadline queue) met late, or not met by the moment asked. A late-reported fact moves them both ways:
/// a timely notice reported late clears a breach, a release reported late at its real instant reveals a hold beyond
/// its limit.
/// </summary>
public static class CaseExceptions
{
    public static IReadOnlyList<ExceptionFinding> Of(CaseFile state, DateTimeOffset now) =>
        [.. CaseDeadlines.Of(state, now).Where(d => d.Late).Select(d => new ExceptionFinding(
            ExceptionFinding.IdFor(state.Id, d.Rule), d.Rule == CaseDeadlines.HoldLimit ? ExceptionKind.HoldBeyondLimit : ExceptionKind.DeadlineMissed, d.Rule, d.Due,
            [new FindingInstant("due", d.Due), .. d.MetAt is { } met ? [new FindingInstant("metAt", met)] : Array.Empty<FindingInstant>()]))];

    /// <summary>From when the case holds a finding whatever the moment asked (a deadline not met is found once due): what the read model indexes.</summary>
    public static DateTimeOffset? FirstAt(CaseFile state) =>
        CaseDeadlines.Of(state, DateTimeOffset.MaxValue).Where(d => d.Late).Select(d => (DateTimeOffset?)d.Due).Min();
}
