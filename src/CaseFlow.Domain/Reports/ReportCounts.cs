namespace CaseFlow.Domain.Reports;

/// <summary>One agency under one model's agreement, as the report's rows name it.</summary>
public sealed record ReportAgency(string Ori, string AgencyName, string State, ProgramModel Model);

/// <summary>
/// The statistics facts counted by agency, model, fact (<see cref="Statistics.Measures"/>) and agency-local month
/// (<c>YYYY-MM</c>): what every figure of the report is summed from. Kept by agency and fact, each a table of months: a
/// draft reads some fifteen months of eight facts for every agency, and looking each count up by the four of them
/// hashed three strings each time: a draft of the demo year took 36.7 ms of CPU so, 32.7 kept by agency and fact
/// (docs/benchmarks.md).
/// </summary>
public sealed class ReportCounts
{
    private static readonly IReadOnlyDictionary<string, int> NoMonths = new Dictionary<string, int>();

    private readonly Dictionary<(string Ori, ProgramModel Model), Dictionary<string, Dictionary<string, int>>> _byAgency = [];

    /// <param name="counts">The counts; those of one agency, model, fact and month given more than once are added up
    /// (the statistics' cells of one fact differ by breakdown key).</param>
    public ReportCounts(IEnumerable<KeyValuePair<(string Ori, ProgramModel Model, string Fact, string Month), int>> counts)
    {
        foreach (var ((ori, model, fact, month), count) in counts)
        {
            if (!_byAgency.TryGetValue((ori, model), out var facts))
                _byAgency[(ori, model)] = facts = [];
            if (!facts.TryGetValue(fact, out var months))
                facts[fact] = months = [];
            months[month] = months.GetValueOrDefault(month) + count;
        }
    }

    /// <summary>The agency's counts of the fact by month (a month not there counted nothing).</summary>
    public IReadOnlyDictionary<string, int> Months(string ori, ProgramModel model, string fact) =>
        _byAgency.TryGetValue((ori, model), out var facts) && facts.TryGetValue(fact, out var months) ? months : NoMonths;
}

/// <summary>A released version of a month's report.</summary>
public sealed record ReleasedMonth(int Version, MonthlyReport Report);
