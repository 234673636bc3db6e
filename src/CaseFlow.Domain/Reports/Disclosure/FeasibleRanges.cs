using Google.OrTools.LinearSolver;

namespace CaseFlow.Domain.Reports.Disclosure;

/// <summary>
/// What an attacker can compute of each unpublished variable of a <see cref="DisclosureSystem"/> as it now stands: the
/// smallest and largest value it can take with every published figure fixed, every count non-negative and every
/// equation holding. Variables an equation pins down from known ones are derived first (exactly, in integers); the rest
/// fall into independent components, each solved as one linear program (GLOP), minimising and maximising in turn.
/// </summary>
public sealed class FeasibleRanges
{
    /// <summary>A bound on every variable, far above any count, so that every program is bounded.</summary>
    private const double Ceiling = 1e7;

    private readonly DisclosureSystem system;
    private readonly long?[] known;
    private readonly int[] derivedBy;
    private readonly int[] component;
    private readonly Dictionary<int, List<int>> members = [];
    private readonly List<int>[] equationsOf;

    public FeasibleRanges(DisclosureSystem system)
    {
        this.system = system;
        equationsOf = EquationsOfEachVariable(system);
        known = [.. system.Variables.Select(v => v.State == VariableState.Published ? v.Value : null)];
        derivedBy = [.. system.Variables.Select(_ => -1)];
        Derive();
        component = Components();
        for (var v = 0; v < component.Length; v++)
            if (known[v] is null)
                (members.TryGetValue(component[v], out var list) ? list : members[component[v]] = []).Add(v);
    }

    /// <summary>The variable's value when the published figures determine it, else null.</summary>
    public long? Known(int variable) => known[variable];

    /// <summary>The unknown variables linked to <paramref name="variable"/> by the equations (itself included).</summary>
    public IReadOnlyList<int> ComponentOf(int variable) => known[variable] is null ? members[component[variable]] : [];

    public IReadOnlyList<int> EquationsOf(int variable) => equationsOf[variable];

    /// <summary>
    /// Whether the published <paramref name="cell"/>, were it suppressed, would still follow from the other published
    /// figures: what was derived through it is forgotten, then derived again without it.
    /// </summary>
    public bool FollowsWithout(int cell)
    {
        var lost = new HashSet<int> { cell };
        var pending = new Queue<int>([cell]);
        while (pending.TryDequeue(out var v))
        {
            foreach (var e in equationsOf[v])
                foreach (var (u, _) in system.Equations[e].Terms)
                    if (derivedBy[u] == e && lost.Add(u))
                        pending.Enqueue(u);
        }

        for (var progress = true; progress && lost.Contains(cell);)
        {
            progress = false;
            foreach (var v in lost.ToList())
            {
                if (equationsOf[v].Any(e => system.Equations[e].Terms.All(t => t.Variable == v || (known[t.Variable] is { } && !lost.Contains(t.Variable)))))
                    progress |= lost.Remove(v);
            }
        }

        return !lost.Contains(cell);
    }

    public IReadOnlyList<DisclosureVariable> Variables => system.Variables;

    /// <summary>The linear program of the component of <paramref name="variable"/> (an unknown one), to ask ranges of its members.</summary>
    public ComponentProgram ProgramOf(int variable)
    {
        var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver.");
        return new ComponentProgram(solver, Program(solver, members[component[variable]]));
    }

    /// <summary>One component's program: minimised, then maximised, for one member at a time.</summary>
    public sealed class ComponentProgram(Solver solver, IReadOnlyDictionary<int, Variable> lp) : IDisposable
    {
        public (double Low, double High) Range(int variable)
        {
            var objective = solver.Objective();
            objective.Clear();
            objective.SetCoefficient(lp[variable], 1);
            objective.SetMinimization();
            var low = Optimum();
            objective.SetMaximization();
            return (low, Optimum());
        }

        public void Dispose() => solver.Dispose();

        private double Optimum() => solver.Solve() == Solver.ResultStatus.OPTIMAL
            ? solver.Objective().Value()
            : throw new InvalidOperationException("The published figures do not satisfy their own equations.");
    }

    private Dictionary<int, Variable> Program(Solver solver, List<int> unknowns)
    {
        var lp = unknowns.ToDictionary(v => v, v => solver.MakeNumVar(
            system.Variables[v].Sign == FigureSign.Count ? 0 : -Ceiling, Ceiling, $"x{v}"));
        foreach (var e in unknowns.SelectMany(v => equationsOf[v]).Distinct())
        {
            var equation = system.Equations[e];
            var rest = equation.Constant - equation.Terms.Where(t => known[t.Variable] is { }).Sum(t => t.Coefficient * known[t.Variable]!.Value);
            var constraint = solver.MakeConstraint(rest, rest, $"e{e}");
            foreach (var (v, coefficient) in equation.Terms.Where(t => known[t.Variable] is null))
                constraint.SetCoefficient(lp[v], coefficient);
        }
        return lp;
    }

    /// <summary>An equation with one unknown left determines it; repeated until none does.</summary>
    private void Derive()
    {
        var pending = new Queue<int>(Enumerable.Range(0, system.Equations.Count));
        while (pending.TryDequeue(out var e))
        {
            var equation = system.Equations[e];
            var unknown = equation.Terms.Where(t => known[t.Variable] is null).ToList();
            if (unknown.Count != 1)
                continue;
            var (variable, coefficient) = unknown[0];
            var rest = equation.Constant - equation.Terms.Where(t => t.Variable != variable).Sum(t => t.Coefficient * known[t.Variable]!.Value);
            known[variable] = rest / coefficient;
            derivedBy[variable] = e;
            foreach (var next in equationsOf[variable])
                pending.Enqueue(next);
        }
    }

    private int[] Components()
    {
        var parent = Enumerable.Range(0, system.Variables.Count).ToArray();
        int Find(int v)
        {
            while (parent[v] != v)
                v = parent[v] = parent[parent[v]];
            return v;
        }
        foreach (var equation in system.Equations)
        {
            var open = equation.Terms.Select(t => t.Variable).Where(v => known[v] is null).ToList();
            foreach (var v in open.Skip(1))
                parent[Find(v)] = Find(open[0]);
        }
        return [.. parent.Select((_, v) => Find(v))];
    }

    private static List<int>[] EquationsOfEachVariable(DisclosureSystem system)
    {
        var of = system.Variables.Select(_ => new List<int>()).ToArray();
        for (var e = 0; e < system.Equations.Count; e++)
            foreach (var (v, _) in system.Equations[e].Terms)
                of[v].Add(e);
        return of;
    }
}
