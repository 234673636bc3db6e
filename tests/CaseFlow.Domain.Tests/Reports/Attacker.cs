using System.Globalization;
using System.Text.Json;
using Google.OrTools.LinearSolver;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>
/// What someone holding every public release can work out: it reads only the published JSON documents and writes its
/// own constraints from what the tables mean (docs/disclosure.md, "What a reader knows"), cell by cell, with no help from the
/// engine: rows sum to their state and states to the nation, column by column; an earlier released month's figures
/// now are its released ones unless a revision row gives them (a row not listed counts zero); revised figures add up
/// the same way; the change is the month less the previous month now; the fiscal year to date is the month plus every
/// earlier month of the fiscal year now (when all were released); the program totals' encounters are the nation's.
/// Then it minimises and maximises every suppressed figure by linear programming (GLOP).
/// </summary>
public sealed class Attacker : IDisposable
{
    /// <summary>A bound far above any count, so that every program is bounded (GLOP reports some unbounded ones as infeasible).</summary>
    private const double Ceiling = 1e7;
    private readonly Solver solver = Solver.CreateSolver("GLOP");
    private readonly List<Release> releases = [];
    private readonly List<(string Name, Variable Variable)> unknowns = [];

    private sealed record Release(DateOnly Month, int FiscalYear, int Version,
        Dictionary<(string Table, string Row, string Measure), (Linear Month, Linear ToDate, Linear Change)> Figures,
        Dictionary<string, string> StateOf, Dictionary<(DateOnly Month, string Table, string Row, string Measure), (Linear Released, Linear Current)> Revisions);

    /// <summary>Σ coefficient × variable + constant.</summary>
    private sealed record Linear(IReadOnlyList<(Variable Variable, double Coefficient)> Terms, double Constant)
    {
        public static Linear Of(double constant) => new([], constant);
        public static Linear operator +(Linear a, Linear b) => new([.. a.Terms, .. b.Terms], a.Constant + b.Constant);
        public static Linear operator -(Linear a, Linear b) => new([.. a.Terms, .. b.Terms.Select(t => (t.Variable, -t.Coefficient))], a.Constant - b.Constant);
    }

    public Attacker(IEnumerable<string> publishedJson)
    {
        foreach (var json in publishedJson)
        {
            using var document = JsonDocument.Parse(json);
            var release = Read(document.RootElement);
            Constrain(release);
            releases.Add(release);
        }
    }

    /// <summary>Every suppressed figure (release month, version, table, row, measure, column) with the range an attacker finds.</summary>
    public IReadOnlyList<(string Figure, double Low, double High)> Ranges()
    {
        var objective = solver.Objective();
        var ranges = new List<(string, double, double)>();
        foreach (var (name, variable) in unknowns)
        {
            objective.Clear();
            objective.SetCoefficient(variable, 1);
            objective.SetMinimization();
            var low = Solve();
            objective.SetMaximization();
            ranges.Add((name, low, Solve()));
        }
        return ranges;
    }


    public void Dispose() => solver.Dispose();

    /// <summary>
    /// The optimum; GLOP's presolve has called a feasible program infeasible (seed blsrHaTQqLa5 of
    /// <see cref="DisclosurePropertyTests"/>: the true figures met every constraint), so a second answer is asked without it.
    /// </summary>
    private double Solve()
    {
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            using var withoutPresolve = new MPSolverParameters();
            withoutPresolve.SetIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE, (int)MPSolverParameters.PresolveValues.PRESOLVE_OFF);
            status = solver.Solve(withoutPresolve);
        }
        return status == Solver.ResultStatus.OPTIMAL
            ? solver.Objective().Value()
            : throw new InvalidOperationException($"The published figures contradict their meaning ({status}).");
    }

    private Release Read(JsonElement root)
    {
        var month = DateOnly.ParseExact(root.GetProperty("month").GetString()!, "yyyy-MM", CultureInfo.InvariantCulture);
        var version = root.GetProperty("version").GetInt32();
        var id = $"{month:yyyy-MM} v{version}";
        var figures = new Dictionary<(string, string, string), (Linear, Linear, Linear)>();
        void Row(string table, string row, JsonElement list)
        {
            foreach (var f in list.EnumerateArray())
            {
                var measure = f.GetProperty("measure").GetString()!;
                var name = $"{id} {table} {row} {measure}";
                figures[(table, row, measure)] = (Figure(f.GetProperty("month"), $"{name} month"),
                    Figure(f.GetProperty("fiscalYearToDate"), $"{name} fiscal-year-to-date"),
                    Figure(f.GetProperty("changeFromPreviousMonth"), $"{name} change", lower: -Ceiling));
            }
        }

        Row("program-totals", "national", root.GetProperty("national"));
        foreach (var s in root.GetProperty("states").EnumerateArray())
            Row("states", s.GetProperty("state").GetString()!, s.GetProperty("figures"));
        var stateOf = new Dictionary<string, string>();
        foreach (var a in root.GetProperty("agencies").EnumerateArray())
        {
            var key = $"{a.GetProperty("ori").GetString()}:{a.GetProperty("model").GetString()}";
            stateOf[key] = a.GetProperty("state").GetString()!;
            Row("agencies", key, a.GetProperty("figures"));
        }

        var revisions = new Dictionary<(DateOnly, string, string, string), (Linear, Linear)>();
        foreach (var r in root.GetProperty("revisions").EnumerateArray())
        {
            var key = (DateOnly.ParseExact(r.GetProperty("month").GetString()!, "yyyy-MM", CultureInfo.InvariantCulture),
                r.GetProperty("table").GetString()!, r.GetProperty("row").GetString()!, r.GetProperty("measure").GetString()!);
            var name = $"{id} revision {key.Item1:yyyy-MM} {key.Item2} {key.Item3} {key.Item4}";
            revisions[key] = (Figure(r.GetProperty("releasedValue"), $"{name} released"), Figure(r.GetProperty("currentValue"), $"{name} current"));
        }

        var release = new Release(month, root.GetProperty("fiscalYear").GetInt32(), version, figures, stateOf, revisions);
        var encounters = root.GetProperty("programTotals").GetProperty("encountersFiscalYearToDate");
        Equal(Figure(encounters, $"{id} program totals encounters"), figures[("program-totals", "national", "encounters")].Item2);
        return release;
    }

    private Linear Figure(JsonElement value, string name, double lower = 0)
    {
        if (value.ValueKind == JsonValueKind.Number)
            return Linear.Of(value.GetInt32());
        var variable = solver.MakeNumVar(lower, Ceiling, name);
        unknowns.Add((name, variable));
        return new Linear([(variable, 1)], 0);
    }

    private void Equal(Linear left, Linear right)
    {
        var difference = left - right;
        var constraint = solver.MakeConstraint(-difference.Constant, -difference.Constant);
        foreach (var group in difference.Terms.GroupBy(t => t.Variable))
            constraint.SetCoefficient(group.Key, group.Sum(t => t.Coefficient));
    }

    private void Constrain(Release d)
    {
        var measures = d.Figures.Keys.Select(k => k.Measure).Distinct().ToList();
        var states = d.Figures.Keys.Where(k => k.Table == "states").Select(k => k.Row).Distinct().ToList();
        foreach (var measure in measures)
        {
            for (var column = 0; column < 3; column++)
            {
                Linear Cell(string table, string row) => Column(d.Figures[(table, row, measure)], column);
                foreach (var state in states)
                    Equal(Cell("states", state), Sum(d.StateOf.Where(a => a.Value == state).Select(a => Cell("agencies", a.Key))));
                Equal(Cell("program-totals", "national"), Sum(states.Select(s => Cell("states", s))));
            }

            var earlierMonths = releases.Select(r => r.Month).Where(k => k < d.Month).Distinct().ToList();
            foreach (var k in earlierMonths)
                Revised(d, k, measure);
            var previous = d.Month.AddMonths(-1);
            var fiscalMonths = Enumerable.Range(0, 12).Select(i => new DateOnly(d.FiscalYear - 1, 10, 1).AddMonths(i)).Where(k => k < d.Month).ToList();
            foreach (var (key, figure) in d.Figures.Where(f => f.Key.Measure == measure))
            {
                if (earlierMonths.Contains(previous))
                    Equal(figure.Change, figure.Month - Now(d, previous, key.Table, key.Row, measure));
                if (fiscalMonths.All(earlierMonths.Contains))
                    Equal(figure.ToDate, Sum(fiscalMonths.Select(k => Now(d, k, key.Table, key.Row, measure)).Append(figure.Month)));
            }
        }
    }

    /// <summary>An earlier month's figures now: released unless revised, and summing up like the tables; a row the release does not list is zero.</summary>
    private void Revised(Release d, DateOnly k, string measure)
    {
        var released = Latest(d, k);
        foreach (var ((month, table, row, m), (releasedValue, _)) in d.Revisions.Where(r => r.Key.Month == k && r.Key.Measure == measure))
            Equal(releasedValue, Shown(released, table, row, m));
        var stateOf = released.StateOf.Concat(d.StateOf).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
        var agencies = stateOf.Keys.Concat(d.Revisions.Keys.Where(r => r.Month == k && r.Table == "agencies").Select(r => r.Row)).Distinct().ToList();
        if (agencies.Any(a => !stateOf.ContainsKey(a)))
            return;
        var states = stateOf.Values.Distinct().ToList();
        foreach (var state in states)
            Equal(Now(d, k, "states", state, measure), Sum(agencies.Where(a => stateOf[a] == state).Select(a => Now(d, k, "agencies", a, measure))));
        Equal(Now(d, k, "program-totals", "national", measure), Sum(states.Select(s => Now(d, k, "states", s, measure))));
        var fiscalYear = k.Month >= 10 ? k.Year + 1 : k.Year;
        if (fiscalYear == d.FiscalYear || k == d.Month.AddMonths(-1))
            foreach (var a in agencies.Where(a => !d.Figures.ContainsKey(("agencies", a, measure))))
                Equal(Now(d, k, "agencies", a, measure), Linear.Of(0));
    }

    private Linear Now(Release d, DateOnly k, string table, string row, string measure) =>
        d.Revisions.TryGetValue((k, table, row, measure), out var revision) ? revision.Current : Shown(Latest(d, k), table, row, measure);

    private Release Latest(Release d, DateOnly k) => releases.Where(r => r.Month == k).MaxBy(r => r.Version)!;

    private static Linear Shown(Release r, string table, string row, string measure) =>
        r.Figures.TryGetValue((table, row, measure), out var f) ? f.Month : Linear.Of(0);

    private static Linear Column((Linear Month, Linear ToDate, Linear Change) figure, int column) =>
        column switch { 0 => figure.Month, 1 => figure.ToDate, _ => figure.Change };

    private static Linear Sum(IEnumerable<Linear> parts) => parts.Aggregate(Linear.Of(0), (a, b) => a + b);
}
