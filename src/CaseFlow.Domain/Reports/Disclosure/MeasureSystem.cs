using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Reports.Disclosure;

/// <summary>
/// One measure of every release as a <see cref="DisclosureSystem"/>, from the tables' meaning (docs/disclosure.md). Each
/// release has hidden unknowns y(k, row), the row's count for month k as the events gave it when the release was made;
/// its cells are month = y(M), fiscal year to date = Σ y(k) over the fiscal year up to M, change = y(M) − y(M−1); a
/// state's y is the sum of its agencies', the nation's the sum of its states'; a row not listed has every figure zero.
/// For each earlier released month k (its latest release L), a revision row says released = L's month cell and
/// current = y(k); a row without one has y(k) = L's month cell (zero when L did not list it).
/// </summary>
internal sealed class MeasureSystem
{
    private readonly string measure;
    private readonly List<Dictionary<RowKey, int>> monthCells = [];
    private readonly int zero;

    private MeasureSystem(string measure)
    {
        this.measure = measure;
        zero = System.Add(new DisclosureVariable(FigureSign.Count, 0, VariableState.Published, sensitive: false, decidable: false));
    }

    public DisclosureSystem System { get; } = new();

    /// <summary>The decided release's cells by row.</summary>
    public Dictionary<RowKey, (int Month, int FiscalYearToDate, int Change)> Cells { get; } = [];

    /// <summary>The decided release's revision cells, by the revision's index in its report.</summary>
    public Dictionary<int, (int Released, int Current)> Revisions { get; } = [];

    /// <param name="snapshots">Every release in the order of approval; the last is the one being decided.</param>
    public static MeasureSystem Build(string measure, IReadOnlyList<Snapshot> snapshots)
    {
        var built = new MeasureSystem(measure);
        var parents = snapshots.SelectMany(s => s.Rows).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First().Parent);
        for (var i = 0; i < snapshots.Count; i++)
            built.Add(snapshots, i, parents);
        return built;
    }

    private void Add(IReadOnlyList<Snapshot> snapshots, int index, IReadOnlyDictionary<RowKey, RowKey?> parents)
    {
        var s = snapshots[index];
        var listed = s.Rows.ToDictionary(r => r.Key);
        var toDate = StatisticsCalendar.MonthsOf(s.FiscalYear).Where(m => m <= s.Month).ToList();
        var previous = s.Month.AddMonths(-1);
        var allZeroWhenUnlisted = toDate.Append(previous).ToHashSet();
        var y = new Dictionary<(DateOnly, RowKey), int>();
        int Y(DateOnly k, RowKey r) => y.TryGetValue((k, r), out var v) ? v
            : y[(k, r)] = !listed.ContainsKey(r) && allZeroWhenUnlisted.Contains(k) ? zero : System.Hidden(FigureSign.Count);

        var months = new Dictionary<RowKey, int>();
        foreach (var row in s.Rows)
        {
            var figure = row.Figures[measure];
            var shown = s.Published?[row.Key][measure];
            var cells = (
                Month: Cell(s, row.Key, figure.Month, shown?.Month, Protection.IsSensitiveCount(figure.Month) || row.IsSmallCaseload),
                FiscalYearToDate: Cell(s, row.Key, figure.FiscalYearToDate, shown?.FiscalYearToDate, Protection.IsSensitiveCount(figure.FiscalYearToDate)),
                Change: Cell(s, row.Key, figure.ChangeFromPreviousMonth, shown?.ChangeFromPreviousMonth, sensitive: false, FigureSign.Difference));
            System.Equal(cells.Month, Y(s.Month, row.Key));
            System.Sum(cells.FiscalYearToDate, toDate.Select(k => Y(k, row.Key)));
            System.Difference(cells.Change, Y(s.Month, row.Key), Y(previous, row.Key));
            months[row.Key] = cells.Month;
            if (s.Decidable)
                Cells[row.Key] = cells;
        }

        var latest = snapshots.Take(index).Select((e, j) => (e, j)).Where(x => x.e.Month < s.Month)
            .GroupBy(x => x.e.Month).ToDictionary(g => g.Key, g => g.MaxBy(x => x.e.Version).j);
        var revised = Revise(s, latest, Y);
        foreach (var (k, release) in latest)
        {
            foreach (var r in s.Rows.Select(r => r.Key).Union(monthCells[release].Keys).Where(r => !revised.Contains((k, r))))
                System.Equal(Y(k, r), monthCells[release].GetValueOrDefault(r, zero));
        }

        foreach (var k in allZeroWhenUnlisted.Union(latest.Keys))
            Hierarchy(k, listed.Keys.Union(latest.TryGetValue(k, out var l) ? monthCells[l].Keys : []).Union(revised.Where(x => x.Month == k).Select(x => x.Row)), parents, Y);
        monthCells.Add(months);
    }

    /// <summary>The release's revision cells of this measure, tied to the released cell and to y(k); the (month, row) pairs revised.</summary>
    private HashSet<(DateOnly Month, RowKey Row)> Revise(Snapshot s, IReadOnlyDictionary<DateOnly, int> latest, Func<DateOnly, RowKey, int> Y)
    {
        var revised = new HashSet<(DateOnly, RowKey)>();
        for (var i = 0; i < s.Revisions.Count; i++)
        {
            var revision = s.Revisions[i];
            if (revision.Measure != measure)
                continue;
            var k = StatisticsCalendar.ParseMonth(revision.Month) ?? throw new ArgumentException($"Not a month: {revision.Month}.");
            var row = new RowKey(revision.Table, revision.Row);
            var shown = s.PublishedRevisions?[i];
            var cells = (
                Released: Cell(s, row, revision.ReleasedValue, shown?.ReleasedValue, Protection.IsSensitiveCount(revision.ReleasedValue)),
                Current: Cell(s, row, revision.CurrentValue, shown?.CurrentValue, Protection.IsSensitiveCount(revision.CurrentValue)));
            System.Equal(cells.Current, Y(k, row));
            if (latest.TryGetValue(k, out var release))
                System.Equal(cells.Released, monthCells[release].GetValueOrDefault(row, zero));
            revised.Add((k, row));
            if (s.Decidable)
                Revisions[i] = cells;
        }

        return revised;
    }

    /// <summary>
    /// Each row's y(k) is the sum of its children's. Skipped for a month with a revised agency no release ever listed:
    /// its state is unknown, and a sum without it would be false.
    /// </summary>
    private void Hierarchy(DateOnly k, IEnumerable<RowKey> rows, IReadOnlyDictionary<RowKey, RowKey?> parents, Func<DateOnly, RowKey, int> Y)
    {
        var known = rows.ToHashSet();
        if (known.Any(r => !parents.ContainsKey(r)))
            return;
        foreach (var r in known.ToList())
            for (var parent = parents[r]; parent is { } p && known.Add(p); parent = parents[p]) { }
        foreach (var family in known.Where(r => parents[r] is { }).GroupBy(r => parents[r]!.Value))
            System.Sum(Y(k, family.Key), family.Select(c => Y(k, c)));
    }

    private int Cell(Snapshot s, RowKey row, long value, int? shown, bool sensitive, FigureSign sign = FigureSign.Count) => System.Add(new DisclosureVariable(
        sign, value, s.Decidable || shown is { } ? VariableState.Published : VariableState.Suppressed, sensitive, s.Decidable, WeightOf(row)));

    /// <summary>Totals are read the most: a complement is sought in agency rows before state rows, and in state rows before the nation's.</summary>
    private static long WeightOf(RowKey row) => row.Table switch
    {
        ReportTables.Agencies => 1,
        ReportTables.States => 10,
        _ => 100,
    };
}
