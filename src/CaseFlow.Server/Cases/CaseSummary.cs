using CaseFlow.Domain.Cases;

namespace CaseFlow.Server.Cases;

/// <summary>
/// The case as a clerk or supervisor reads it: its state, its status, the steps that may come next, the hold
/// deadline, which rules are met and which deadlines were met or missed (derived from when things occurred, so a
/// late-arriving fact corrects a breach), so what is missing shows before anything is posted, and the facts ICE's
/// statistics count the case by (criminality class, most serious offence, whether it is an encounter). The facts the state was
/// folded from are the history (<c>/history</c>), not repeated here.
/// </summary>
public sealed record CaseSummary(
    CaseFile Case, CaseStatus Status, IReadOnlyList<string> NextSteps, DateTimeOffset? HoldDeadline, IReadOnlyDictionary<string, bool> Checklist,
    IReadOnlyList<Deadline> Deadlines, CaseClassification Classification)
{
    public static CaseSummary Of(CaseFile state, DateTimeOffset now) =>
        new(state with { Facts = [] }, state.Status, CaseSequence.NextSteps(state), state.Hold?.Deadline, CaseSequence.Checklist(state, now),
            CaseDeadlines.Of(state, now), CaseClassification.Of(state));
}
