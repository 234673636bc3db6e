using CaseFlow.Domain.Integrity;

namespace CaseFlow.Domain.Cases;

/// <summary>One stored event of a case as a replay reads it: its place in the stream, both instants, the rule set that judged it.</summary>
public sealed record RecordedCaseEvent(
    long Version, Guid EventId, CaseEvent Event, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? PolicyVersion, string? Hash);

/// <summary>Why an event known now is not in an as-of state of the case.</summary>
public enum LeftOutBecause
{
    OccurredLater,
    Voided,
    Correction,
}

public sealed record LeftOutEvent(long Version, Guid EventId, string Type, LeftOutBecause Because);

/// <summary>
/// The case folded from part of its history: the events folded (in the order stored) and those known now but left
/// out. <see cref="State"/> is null when nothing of the case is in the cut (before its booking).
/// </summary>
public sealed record CaseReplay(CaseFile? State, IReadOnlyList<RecordedCaseEvent> Folded, IReadOnlyList<LeftOutEvent> LeftOut)
{
    /// <summary>The rule sets that judged the events folded, in the order they first appear.</summary>
    public IReadOnlyList<string> PolicyVersions => [.. Folded.Select(e => e.PolicyVersion).OfType<string>().Distinct()];
}

/// <summary>
/// A case as it stood, on either time axis, by the very fold of the case summary (<see cref="CaseFile.Evolve"/>):
/// by version, as recorded by an instant (what CaseFlow knew then), or as occurred by an instant in the light of
/// everything known now (late facts in, voided and withdrawn events out). docs/events.md, "As-of states".
/// </summary>
public static class CaseReplays
{
    /// <summary>The case after the events up to <paramref name="version"/>, as the summary stood when that version was stored.</summary>
    public static CaseReplay ThroughVersion(IReadOnlyList<RecordedCaseEvent> history, long version) =>
        Fold([.. history.Where(e => e.Version <= version)], []);

    /// <summary>
    /// What CaseFlow knew at <paramref name="instant"/>: the stream's events stored by then. The cut ends at the first
    /// event stored after it, so a later version never enters through a node's clock running behind.
    /// </summary>
    public static CaseReplay RecordedAsOf(IReadOnlyList<RecordedCaseEvent> history, DateTimeOffset instant) =>
        Fold([.. history.TakeWhile(e => e.RecordedAt <= instant)], []);

    /// <summary>
    /// The case as it stood at <paramref name="instant"/> as known now: every kept event that occurred by then, whenever
    /// it was recorded; voids and CaseFlow's withdrawals recorded at any time take out what they removed, and are not
    /// folded themselves.
    /// </summary>
    public static CaseReplay OccurredAsOf(IReadOnlyList<RecordedCaseEvent> history, DateTimeOffset instant)
    {
        var removed = history.SelectMany(e => CaseFile.RemovedBy(e.Event)).ToHashSet();
        var leftOut = new List<LeftOutEvent>();
        var folded = new List<RecordedCaseEvent>();
        foreach (var e in history)
        {
            LeftOutBecause? because = removed.Contains(e.EventId) ? LeftOutBecause.Voided
                : CaseFile.RemovedBy(e.Event).Count > 0 ? LeftOutBecause.Correction
                : e.OccurredAt > instant ? LeftOutBecause.OccurredLater
                : null;
            if (because is { } reason)
                leftOut.Add(new LeftOutEvent(e.Version, e.EventId, e.Event.GetType().Name, reason));
            else
                folded.Add(e);
        }

        return Fold(folded, leftOut);
    }

    private static CaseReplay Fold(IReadOnlyList<RecordedCaseEvent> events, IReadOnlyList<LeftOutEvent> leftOut)
    {
        var state = events.Aggregate((CaseFile?)null, (s, e) => IChainedState<CaseFile>.After(s, e.EventId, e.Event, e.Version, e.Hash));
        return new CaseReplay(state, events, leftOut);
    }
}
