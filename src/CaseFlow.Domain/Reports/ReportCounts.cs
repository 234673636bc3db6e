namespace CaseFlow.Domain.Reports;

/// <summary>One agency under one model's agreement, as the report's rows name it.</summary>
public sealed record ReportAgency(string Ori, string AgencyName, string State, ProgramModel Model);

/// <summary>
/// The statistics facts counted by agency, model, fact (<see cref="Statistics.Measures"/>) and agency-local month
/// (<c>YYYY-MM</c>): what every figure of the report is summed from.
/// </summary>
public sealed class ReportCounts(IReadOnlyDictionary<(string Ori, ProgramModel Model, string Fact, string Month), int> counts)
{
    public int this[string ori, ProgramModel model, string fact, string month] => counts.GetValueOrDefault((ori, model, fact, month));
}

/// <summary>A released version of a month's report.</summary>
public sealed record ReleasedMonth(int Version, MonthlyReport Report);
