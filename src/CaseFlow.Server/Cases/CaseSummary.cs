using CaseFlow.Domain.Cases;

namespace CaseFlow.Server.Cases;

/// <summary>
/// The case as a clerk or supervisor reads it: its state, its status, the steps that may come next, the hold
/// deadline and which rules are met, so what is missing shows before anything is posted. The facts the state was
/// folded from are the history (<c>/history</c>), not repeated here.
/// </summary>
public sealed record CaseSummary(
    CaseFile Case, CaseStatus Status, IReadOnlyList<string> NextSteps, DateTimeOffset? HoldDeadline, IReadOnlyDictionary<string, bool> Checklist)
{
    public static CaseSummary Of(CaseFile state, DateTimeOffset now) =>
        new(state with { Facts = [] }, state.Status, CaseSequence.NextSteps(state), state.Hold?.Deadline, CaseSequence.Checklist(state, now));
}
