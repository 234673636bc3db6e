using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Server.Cases;

/// <summary>
/// The case as a clerk or supervisor reads it: its state, its status, the steps that may come next, the hold
/// deadline, which rules are met and which deadlines were met or missed (derived from when things occurred, so a
/// late-arriving fact corrects a breach), so what is missing shows before anything is posted; <see cref="AgreementLapses"/>
/// lists the periods the agency's agreement was suspended or terminated while the case was open, and
/// <see cref="Classification"/> the facts ICE's statistics count the case by (criminality class, most serious offence,
/// whether it is an encounter). The facts the state was
/// folded from are the history (<c>/history</c>), not repeated here.
/// </summary>
public sealed record CaseSummary(
    CaseFile Case, CaseStatus Status, IReadOnlyList<string> NextSteps, DateTimeOffset? HoldDeadline, IReadOnlyDictionary<string, bool> Checklist,
    IReadOnlyList<Deadline> Deadlines, IReadOnlyList<AgreementPeriod> AgreementLapses, CaseClassification Classification)
{
    /// <summary>The agreement was suspended or terminated at some time while the case was open.</summary>
    public bool AgreementLapsedWhileOpen => AgreementLapses.Count > 0;

    public static CaseSummary Of(CaseFile state, Agreement? agreement, DateTimeOffset now) =>
        new(state with { Facts = [] }, state.Status, CaseSequence.NextSteps(state), state.Hold?.Deadline, CaseSequence.Checklist(state, now),
            CaseDeadlines.Of(state, now), Domain.Cases.AgreementLapses.WhileOpen(state, agreement, now), CaseClassification.Of(state));
}
