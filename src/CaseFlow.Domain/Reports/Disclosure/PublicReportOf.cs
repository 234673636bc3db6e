namespace CaseFlow.Domain.Reports.Disclosure;

/// <summary>Reads the decided cells back into the report's shape: a suppressed figure is null.</summary>
internal static class PublicReportOf
{
    public static PublicMonthlyReport Assemble(
        MonthlyReport released, int version, Snapshot current, IReadOnlyDictionary<string, MeasureSystem> decided, IReadOnlyList<DisclosedRelease> earlier)
    {
        var suppressed = decided.Values.Sum(d => d.System.Variables.Count(v => v.Decidable && v.State == VariableState.Suppressed));
        var national = Figures(RowKey.National, current, decided);
        var agencies = released.Agencies.Select(a => (a.Ori, a.AgencyName, a.State, a.Model)).ToList();
        var names = agencies.Select(a => $"{a.Ori}:{a.Model}").ToHashSet();
        var listedEarlier = earlier.SelectMany(e => e.Public.Agencies).Where(a => names.Add(a.Key)).Select(a => (a.Ori, a.AgencyName, a.State, a.Model));
        var encounters = national.Single(f => f.Measure == "encounters").FiscalYearToDate;
        var totals = released.ProgramTotals;
        return new PublicMonthlyReport(
            released.Month, released.FiscalYear, version, released.Position, released.EncounterPolicy,
            new PublicProgramTotals(totals.AsOfMonth, totals.Sources, totals.AgreementsJem, totals.AgreementsWso, totals.StatesJem, totals.StatesWso, totals.ByState,
                encounters is null || Protection.IsSensitiveCount(totals.EncountersFiscalYearToDate) ? null : totals.EncountersFiscalYearToDate),
            national,
            [.. current.Rows.Where(r => r.Key.Table == ReportTables.States).OrderBy(r => r.Key.Row, StringComparer.Ordinal)
                .Select(r => new PublicStateRow(r.Key.Row, Figures(r.Key, current, decided)))],
            [.. agencies.Concat(listedEarlier)
                .OrderBy(a => a.State, StringComparer.Ordinal).ThenBy(a => a.Ori, StringComparer.Ordinal).ThenBy(a => a.Model)
                .Select(a => new PublicAgencyRow(a.Ori, a.AgencyName, a.State, a.Model, Figures(RowKey.Agency($"{a.Ori}:{a.Model}"), current, decided)))],
            [.. released.Revisions.Select((r, i) => Revision(r, decided[r.Measure].System, decided[r.Measure].Revisions[i]))],
            DisclosureStatement.Of(suppressed));
    }

    private static List<PublicFigure> Figures(RowKey row, Snapshot current, IReadOnlyDictionary<string, MeasureSystem> decided) =>
    [
        .. ReportMeasures.All.Select(m =>
        {
            var system = decided[m.Name].System;
            var cells = decided[m.Name].Cells[row];
            var figure = current.Row(row).Figures[m.Name];
            return new PublicFigure(m.Name,
                Shown(system, cells.Month, figure.Month), Shown(system, cells.FiscalYearToDate, figure.FiscalYearToDate),
                Shown(system, cells.Change, figure.ChangeFromPreviousMonth));
        }),
    ];

    private static PublicRevision Revision(ReportRevision r, DisclosureSystem system, (int Released, int Current) cells) =>
        new(r.Month, r.Version, r.Table, r.Row, r.Measure, Shown(system, cells.Released, r.ReleasedValue), Shown(system, cells.Current, r.CurrentValue));

    private static int? Shown(DisclosureSystem system, int cell, int value) =>
        system.Variables[cell].State == VariableState.Published ? value : null;
}
