namespace CaseFlow.Domain.Reports.Disclosure;

/// <summary>How a <see cref="ComplementarySuppression"/> run went: rounds, linear programs solved, and the cells no
/// suppression within the release could protect (earlier releases already gave them away).</summary>
public sealed record SuppressionOutcome(int Rounds, int Programs, int Complements, IReadOnlyList<int> Unprotectable);

/// <summary>
/// Suppresses the release's sensitive cells, then adds complementary suppressions until every suppressed cell is
/// protected (<see cref="Protection.Protects"/>) against everything published. Each round computes the feasible range of
/// every suppressed cell not yet found safe and, for each unsafe one, suppresses the nearest published cell of the
/// release that shares an equation with it: fewest equations away, then one that would not follow from the other
/// published figures, then the smallest <see cref="DisclosureVariable.Cost"/>; one per component and
/// round (the component's first unsafe cell), since one complement often protects several cells of it. Suppressing more only
/// widens ranges, so a cell found safe stays safe and each cell is solved until it is.
/// </summary>
public static class ComplementarySuppression
{
    public static SuppressionOutcome Protect(DisclosureSystem system)
    {
        var variables = system.Variables;
        foreach (var v in variables.Where(v => v.Decidable && v.Sensitive))
            v.State = VariableState.Suppressed;
        var safe = new HashSet<int>();
        var unprotectable = new List<int>();
        var (rounds, programs, complements) = (0, 0, 0);
        while (true)
        {
            rounds++;
            var ranges = new FeasibleRanges(system);
            var toCheck = Enumerable.Range(0, variables.Count)
                .Where(v => variables[v].State == VariableState.Suppressed && !safe.Contains(v) && Touched(ranges, v))
                .GroupBy(v => ranges.Known(v) is null ? ranges.ComponentOf(v)[0] : -1 - v);
            var added = new HashSet<int>();
            foreach (var group in toCheck)
            {
                if (FirstUnsafe(ranges, group, safe, ref programs) is not { } cell)
                    continue;
                if (Nearest(system, ranges, cell) is { } complement)
                    added.Add(complement);
                else
                {
                    unprotectable.Add(cell);
                    safe.Add(cell);
                }
            }

            if (added.Count == 0)
                return new SuppressionOutcome(rounds, programs, complements, unprotectable);
            foreach (var c in added)
                variables[c].State = VariableState.Suppressed;
            complements += added.Count;
        }
    }

    /// <summary>The group's cells are checked in order: safe ones are recorded, the first unsafe one returned.</summary>
    private static int? FirstUnsafe(FeasibleRanges ranges, IGrouping<int, int> group, HashSet<int> safe, ref int programs)
    {
        if (ranges.Known(group.First()) is { } value)
            return Protection.Protects(ranges.Variables[group.First()].Sensitive, value, value) ? null : group.First();
        programs++;
        using var program = ranges.ProgramOf(group.First());
        foreach (var cell in group)
        {
            var (low, high) = program.Range(cell);
            if (!Protection.Protects(ranges.Variables[cell].Sensitive, low, high))
                return cell;
            safe.Add(cell);
        }
        return null;
    }

    /// <summary>Whether the release being decided can change what is known of the variable.</summary>
    private static bool Touched(FeasibleRanges ranges, int v) =>
        ranges.Known(v) is { } || ranges.ComponentOf(v).Any(u => ranges.Variables[u].Decidable);

    /// <summary>The release's published cell nearest to <paramref name="from"/> through the equations and the unpublished variables.</summary>
    private static int? Nearest(DisclosureSystem system, FeasibleRanges ranges, int from)
    {
        var seen = new HashSet<int> { from };
        var frontier = new List<int> { from };
        while (frontier.Count > 0)
        {
            var next = new List<int>();
            var candidates = new List<int>();
            foreach (var u in frontier.SelectMany(ranges.EquationsOf).Distinct().SelectMany(e => system.Equations[e].Terms))
            {
                if (!seen.Add(u.Variable))
                    continue;
                var variable = system.Variables[u.Variable];
                if (variable.State != VariableState.Published)
                    next.Add(u.Variable);
                else if (variable.Decidable)
                    candidates.Add(u.Variable);
            }
            if (candidates.Count > 0)
                return candidates.MinBy(c => (ranges.FollowsWithout(c), system.Variables[c].Cost, c));
            frontier = next;
        }
        return null;
    }
}
