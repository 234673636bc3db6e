namespace CaseFlow.Domain.Reports.Disclosure;

/// <summary>A row of a report's tables, named as a revision names it: its table and its key there.</summary>
public readonly record struct RowKey(string Table, string Row)
{
    public static readonly RowKey National = new(ReportTables.ProgramTotals, ReportTables.NationalRow);

    public static RowKey State(string state) => new(ReportTables.States, state);

    public static RowKey Agency(string key) => new(ReportTables.Agencies, key);
}

/// <summary>A row with its true figures by measure, the row it sums into, and (for an agency) its model.</summary>
internal sealed record TableRow(RowKey Key, RowKey? Parent, ProgramModel? Model, IReadOnlyDictionary<string, ReportFigure> Figures)
{
    /// <summary>
    /// The people an agency's month is about: those it screened (JEM), or those ICE lodged a detainer on in its jail
    /// (WSO, where the agency screens nobody). A month with fewer than the threshold would tell a single person's case.
    /// </summary>
    public bool IsSmallCaseload => Model is { } model
        && Protection.IsSensitiveCount(Figures[model == ProgramModel.JEM ? "bookingsScreened" : "detainersLodged"].Month);

    public static TableRow Empty(RowKey key, RowKey? parent, ProgramModel? model) =>
        new(key, parent, model, ReportMeasures.All.ToDictionary(m => m.Name, m => new ReportFigure(m.Name, 0, 0, 0)));
}

/// <summary>The rows of a report, true or as published, in one shape.</summary>
internal static class ReleaseTables
{
    public static IEnumerable<TableRow> Rows(MonthlyReport report) =>
    [
        new(RowKey.National, null, null, ByMeasure(report.National)),
        .. report.States.Select(s => new TableRow(RowKey.State(s.State), RowKey.National, null, ByMeasure(s.Figures))),
        .. report.Agencies.Select(a => new TableRow(RowKey.Agency(a.Key), RowKey.State(a.State), a.Model, ByMeasure(a.Figures))),
    ];

    /// <summary>The rows a public release lists, with no figures.</summary>
    public static IEnumerable<TableRow> EmptyRows(PublicMonthlyReport report) =>
    [
        TableRow.Empty(RowKey.National, null, null),
        .. report.States.Select(s => TableRow.Empty(RowKey.State(s.State), RowKey.National, null)),
        .. report.Agencies.Select(a => TableRow.Empty(RowKey.Agency(a.Key), RowKey.State(a.State), a.Model)),
    ];

    public static Dictionary<RowKey, Dictionary<string, PublicFigure>> Published(PublicMonthlyReport report) =>
        new[] { (Key: RowKey.National, Figures: report.National) }
            .Concat(report.States.Select(s => (Key: RowKey.State(s.State), s.Figures)))
            .Concat(report.Agencies.Select(a => (Key: RowKey.Agency(a.Key), a.Figures)))
            .ToDictionary(r => r.Key, r => r.Figures.ToDictionary(f => f.Measure));

    private static Dictionary<string, ReportFigure> ByMeasure(IReadOnlyList<ReportFigure> figures) => figures.ToDictionary(f => f.Measure);
}
