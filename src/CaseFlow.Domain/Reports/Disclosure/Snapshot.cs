using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Reports.Disclosure;

/// <summary>
/// One release as the disclosure system sees it: its month, version, listed rows with their true figures and its
/// revisions; and, for a release already published, what its public variant showed (null while being decided).
/// </summary>
internal sealed record Snapshot(
    DateOnly Month, int FiscalYear, int Version, IReadOnlyList<TableRow> Rows, IReadOnlyList<ReportRevision> Revisions,
    IReadOnlyDictionary<RowKey, Dictionary<string, PublicFigure>>? Published, IReadOnlyList<PublicRevision>? PublishedRevisions)
{
    public static Snapshot Of(DisclosedRelease release) =>
        Of(release.Released, release.Public.Version, [], ReleaseTables.Published(release.Public), release.Public.Revisions);

    /// <summary>The release being decided: its rows, and every row an earlier public release listed (with no figures).</summary>
    public static Snapshot ToDecide(MonthlyReport released, int version, IEnumerable<DisclosedRelease> earlier) =>
        Of(released, version, earlier.SelectMany(e => ReleaseTables.EmptyRows(e.Public)), null, null);

    private static Snapshot Of(
        MonthlyReport report, int version, IEnumerable<TableRow> alsoListed,
        IReadOnlyDictionary<RowKey, Dictionary<string, PublicFigure>>? published, IReadOnlyList<PublicRevision>? publishedRevisions)
    {
        var month = StatisticsCalendar.ParseMonth(report.Month) ?? throw new ArgumentException($"Not a month: {report.Month}.", nameof(report));
        var rows = ReleaseTables.Rows(report).ToList();
        var keys = rows.Select(r => r.Key).ToHashSet();
        rows.AddRange(alsoListed.Where(r => keys.Add(r.Key)));
        return new Snapshot(month, report.FiscalYear, version, rows, report.Revisions, published, publishedRevisions);
    }

    private readonly Dictionary<RowKey, TableRow> byKey = Rows.ToDictionary(r => r.Key);

    public bool Decidable => Published is null;

    public TableRow Row(RowKey key) => byKey[key];
}
