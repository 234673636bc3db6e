using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Reports.Disclosure;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>
/// Releases made public one after another, as the server does at each approval, their JSON, and what an
/// <see cref="Attacker"/> holding all of it finds, judged against the true figures by the rule of docs/disclosure.md.
/// </summary>
public sealed class Disclosed
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Disclosed(IReadOnlyList<MonthlyReport> released)
    {
        var done = new List<DisclosedRelease>();
        foreach (var report in released)
            done.Add(new DisclosedRelease(report, ReportDisclosure.Disclose(report, done.Count(d => d.Released.Month == report.Month) + 1, done).Public));
        Releases = done;
    }

    public IReadOnlyList<DisclosedRelease> Releases { get; }

    public PublicMonthlyReport Last => Releases[^1].Public;

    /// <summary>The suppressed figures an attacker narrows below the protection interval, with what it finds and the truth.</summary>
    public static IReadOnlyList<string> Breaches(IReadOnlyList<DisclosedRelease> releases)
    {
        var truth = Truth(releases);
        using var attacker = new Attacker(releases.Select(r => JsonSerializer.Serialize(r.Public, Json)));
        var breaches = new List<string>();
        foreach (var (figure, low, high) in attacker.Ranges())
        {
            var (value, sensitive) = truth[figure];
            (low - 1e-6 <= value && value <= high + 1e-6).ShouldBeTrue($"{figure} is {value}, outside [{low}, {high}]: the attacker's model is wrong");
            var safe = sensitive ? low <= 1e-6 && high >= 5 - 1e-6 : high - low >= 5 - 1e-6;
            if (!safe)
                breaches.Add($"{figure} = {value} {(sensitive ? "(sensitive)" : "")}: [{low:0.##}, {high:0.##}]");
        }
        return breaches;
    }

    public IReadOnlyList<string> Breaches() => Breaches(Releases);

    /// <summary>The same releases suppressed naively: every sensitive figure, and nothing else.</summary>
    public static IReadOnlyList<DisclosedRelease> Naive(IReadOnlyList<MonthlyReport> released)
    {
        var truth = new List<DisclosedRelease>();
        var versions = new Dictionary<string, int>();
        foreach (var r in released)
        {
            versions[r.Month] = versions.GetValueOrDefault(r.Month) + 1;
            PublicFigure F(ReportFigure f, bool small) => new(f.Measure, f.Month < 5 || small ? null : f.Month, f.FiscalYearToDate < 5 ? null : f.FiscalYearToDate, f.ChangeFromPreviousMonth);
            truth.Add(new DisclosedRelease(r, new PublicMonthlyReport(r.Month, r.FiscalYear, versions[r.Month], r.Position, r.EncounterPolicy,
                new PublicProgramTotals(r.ProgramTotals.AsOfMonth, r.ProgramTotals.Sources, 0, 0, 0, 0, [],
                    r.ProgramTotals.EncountersFiscalYearToDate < 5 ? null : r.ProgramTotals.EncountersFiscalYearToDate),
                [.. r.National.Select(f => F(f, false))],
                [.. r.States.Select(s => new PublicStateRow(s.State, [.. s.Figures.Select(f => F(f, false))]))],
                [.. r.Agencies.Select(a => new PublicAgencyRow(a.Ori, a.AgencyName, a.State, a.Model, [.. a.Figures.Select(f => F(f, SmallCaseload(a)))]))],
                [.. r.Revisions.Select(v => new PublicRevision(v.Month, v.Version, v.Table, v.Row, v.Measure,
                    v.ReleasedValue < 5 ? null : v.ReleasedValue, v.CurrentValue < 5 ? null : v.CurrentValue))],
                DisclosureStatement.Of(0))));
        }
        return truth;
    }

    private static bool SmallCaseload(AgencyRow a) =>
        a.Figures.Single(f => f.Measure == (a.Model == ProgramModel.JEM ? "bookingsScreened" : "detainersLodged")).Month < 5;

    /// <summary>Every figure's true value and whether it is sensitive (a count below 5, or a month figure of a small caseload), by the attacker's names.</summary>
    private static Dictionary<string, (int Value, bool Sensitive)> Truth(IReadOnlyList<DisclosedRelease> releases)
    {
        var truth = new Dictionary<string, (int, bool)>();
        foreach (var (released, shown) in releases)
        {
            var id = $"{released.Month} v{shown.Version}";
            void Row(string table, string row, IReadOnlyList<ReportFigure> figures, bool small)
            {
                foreach (var f in figures)
                {
                    var name = $"{id} {table} {row} {f.Measure}";
                    truth[$"{name} month"] = (f.Month, f.Month < 5 || small);
                    truth[$"{name} fiscal-year-to-date"] = (f.FiscalYearToDate, f.FiscalYearToDate < 5);
                    truth[$"{name} change"] = (f.ChangeFromPreviousMonth, false);
                }
            }

            var zero = ReportMeasures.All.Select(m => new ReportFigure(m.Name, 0, 0, 0)).ToList();
            Row("program-totals", "national", released.National, false);
            foreach (var s in shown.States)
                Row("states", s.State, released.States.SingleOrDefault(x => x.State == s.State)?.Figures ?? zero, false);
            foreach (var a in shown.Agencies)
            {
                var row = released.Agencies.SingleOrDefault(x => x.Key == a.Key);
                Row("agencies", a.Key, row?.Figures ?? zero, row is null || SmallCaseload(row));
            }

            foreach (var v in released.Revisions)
            {
                var name = $"{id} revision {v.Month} {v.Table} {v.Row} {v.Measure}";
                truth[$"{name} released"] = (v.ReleasedValue, v.ReleasedValue < 5);
                truth[$"{name} current"] = (v.CurrentValue, v.CurrentValue < 5);
            }

            truth[$"{id} program totals encounters"] = (released.ProgramTotals.EncountersFiscalYearToDate, released.ProgramTotals.EncountersFiscalYearToDate < 5);
        }
        return truth;
    }
}
