using CaseFlow.Domain.Subjects;

namespace CaseFlow.Domain.Cases;

/// <summary>
/// What voiding an event would do to the case: the case's history without it is folded again through the same
/// sequence and data rules. A client's later event that no longer passes depends on the voided one (it must be voided
/// first); an event CaseFlow appended itself that no longer passes (a hold without its basis, its expiry) is withdrawn.
/// </summary>
public sealed record VoidEffect(IReadOnlyList<CaseFact> Dependents, IReadOnlyList<Guid> Withdrawn);

/// <summary>A later event a void would leave without its basis, as a refusal names it (to be voided first).</summary>
public sealed record DependentEvent(Guid EventId, string Type);

public static class CaseVoids
{
    public static VoidEffect Judge(CaseFile state, Guid voidedEventId)
    {
        var dependents = new List<CaseFact>();
        var withdrawn = new List<Guid>();
        CaseFile? folded = null;
        foreach (var fact in state.Facts.Where(f => f.EventId != voidedEventId && !state.VoidedEventIds.Contains(f.EventId)))
        {
            if (folded is not null && Judged(fact.Event) && CaseRules.CheckInHistory(folded, fact.Event) is not null)
            {
                if (HoldClock.AppendedByCaseFlow.Contains(fact.Event.GetType()))
                    withdrawn.Add(fact.EventId);
                else
                    dependents.Insert(0, fact);
                continue;
            }

            folded = CaseFile.FoldFact(folded, fact);
        }

        return new VoidEffect(dependents, withdrawn);
    }

    /// <summary>Corrections and subject orders are not steps of the case: they are never judged against its state.</summary>
    private static bool Judged(CaseEvent e) => CaseFile.RemovedBy(e).Count == 0 && !SubjectOrderRules.Events.Contains(e.GetType());
}
