using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Reports.Disclosure;

/// <summary>A <see cref="ReportFigure"/> as published: null where the figure is suppressed.</summary>
public sealed record PublicFigure(string Measure, int? Month, int? FiscalYearToDate, int? ChangeFromPreviousMonth);

public sealed record PublicStateRow(string State, IReadOnlyList<PublicFigure> Figures);

public sealed record PublicAgencyRow(string Ori, string AgencyName, string State, ProgramModel Model, IReadOnlyList<PublicFigure> Figures)
{
    /// <summary>The row's key in a revision: <c>ORI:MODEL</c>.</summary>
    public string Key => $"{Ori}:{Model}";
}

/// <summary>A <see cref="ReportRevision"/> as published: null where a value is suppressed.</summary>
public sealed record PublicRevision(string Month, int Version, string Table, string Row, string Measure, int? ReleasedValue, int? CurrentValue);

/// <summary>The program totals as published: the agreements counted as in the report, the encounters suppressed (null) when few.</summary>
public sealed record PublicProgramTotals(
    string AsOfMonth, IReadOnlyList<string> Sources, int AgreementsJem, int AgreementsWso, int StatesJem, int StatesWso,
    IReadOnlyList<StateAgreements> ByState, int? EncountersFiscalYearToDate);

/// <summary>How the public variant was made: the rule (docs/disclosure.md), its threshold and protection interval.</summary>
public sealed record DisclosureStatement(string Method, int Threshold, int ProtectionLow, int ProtectionHigh, int SuppressedFigures)
{
    public static DisclosureStatement Of(int suppressed) =>
        new(Protection.Method, Protection.Threshold, 0, Protection.Threshold, suppressed);
}

/// <summary>
/// The public variant of a released <see cref="MonthlyReport"/> (issue 17 point 4): the same tables with every
/// suppressed figure null. Agency rows listed by an earlier public release stay listed (their figures zero, so
/// suppressed), so that a row's absence never tells that its figures are zero.
/// </summary>
public sealed record PublicMonthlyReport(
    string Month,
    int FiscalYear,
    int Version,
    long Position,
    EncounterDefinition EncounterPolicy,
    PublicProgramTotals ProgramTotals,
    IReadOnlyList<PublicFigure> National,
    IReadOnlyList<PublicStateRow> States,
    IReadOnlyList<PublicAgencyRow> Agencies,
    IReadOnlyList<PublicRevision> Revisions,
    DisclosureStatement Disclosure)
{
    /// <summary>"public": a release's public variant, against the report itself ("report").</summary>
    public string Kind => ReportKinds.Public;
}
