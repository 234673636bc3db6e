using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Operations;

/// <summary>
/// ops/monitoring as Prometheus and Grafana would take it: the alerting rules load in <c>promtool check rules</c> and
/// pass their unit tests (<c>promtool test rules</c>), every alert has its runbook section in docs/operations.md, and the
/// rules and the dashboard name only series a node really emits (the scrape of <see cref="MetricsTraffic"/>), so
/// neither can silently rot when an instrument is renamed.
/// </summary>
public sealed partial class MonitoringFilesTests(AppFixture app)
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "ops", "monitoring");
    private static readonly string Rules = Path.Combine(Folder, "caseflow-alerts.yml");
    private static readonly string Dashboard = Path.Combine(Folder, "caseflow-dashboard.json");

    /// <summary>Series Prometheus makes itself, not a node.</summary>
    private static readonly string[] PrometheusOwn = ["up"];

    private static readonly HashSet<string> PromQlWords =
    [
        "sum", "max", "min", "avg", "count", "rate", "increase", "histogram_quantile", "vector", "by", "without", "or", "and", "unless",
        "on", "ignoring", "group_left", "group_right", "bool",
    ];

    [Fact]
    public async Task promtool_loads_the_rules()
    {
        var run = await Promtool("check", "rules", Rules);

        run.ExitCode.ShouldBe(0, run.Printed);
        run.Printed.ShouldContain("SUCCESS");
    }

    [Fact]
    public async Task the_rules_pass_their_unit_tests()
    {
        var run = await Promtool("test", "rules", Path.Combine(Folder, "tests.yml"));

        run.ExitCode.ShouldBe(0, run.Printed);
    }

    [Fact]
    public void every_alert_has_its_runbook_section()
    {
        var rules = File.ReadAllText(Rules);
        var runbook = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "operations.md"));
        var alerts = AlertName().Matches(rules).Select(m => m.Groups[1].Value).ToList();

        alerts.Count.ShouldBeGreaterThanOrEqualTo(8);
        foreach (var alert in alerts)
        {
            runbook.ShouldContain($"### {alert}", $"docs/operations.md has no section for {alert}");
            rules.ShouldContain($"runbook: \"docs/operations.md#{alert.ToLowerInvariant()}\"");
        }
    }

    [Fact]
    public void the_dashboard_is_grafana_json_with_a_query_in_every_panel()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Dashboard))!;

        dashboard["title"]!.GetValue<string>().ShouldBe("CaseFlow");
        var panels = dashboard["panels"]!.AsArray();
        panels.Count.ShouldBeGreaterThanOrEqualTo(10);
        foreach (var panel in panels)
            panel!["targets"]!.AsArray().ShouldAllBe(t => !string.IsNullOrWhiteSpace(t!["expr"]!.GetValue<string>()));
    }

    [Fact]
    public async Task rules_and_dashboard_name_only_series_a_node_emits()
    {
        var traffic = await MetricsTraffic.Scrape(app);
        var emitted = traffic.Scrape.Samples.Select(s => s.Name).ToHashSet();

        // Instruments the traffic did not move (a failed access-log write) are not in the scrape: their names are made as
        // the exporter makes them, a rule checked here against every CaseFlow family the scrape does hold.
        var translated = traffic.Instruments.SelectMany(PrometheusSeries).ToHashSet();
        emitted.Where(n => n.StartsWith("caseflow_", StringComparison.Ordinal)).ShouldAllBe(n => translated.Contains(n));
        emitted.UnionWith(translated);

        var expressions = RuleExpression().Matches(File.ReadAllText(Rules)).Select(m => m.Groups[1].Value)
            .Concat(JsonNode.Parse(File.ReadAllText(Dashboard))!["panels"]!.AsArray()
                .SelectMany(p => p!["targets"]!.AsArray().Select(t => t!["expr"]!.GetValue<string>())))
            .ToList();
        var named = expressions.SelectMany(SeriesNamed).Distinct().ToList();

        named.ShouldContain("caseflow_projection_stopped");
        named.Where(n => !PrometheusOwn.Contains(n)).ShouldAllBe(n => emitted.Contains(n));
    }

    [Fact]
    public async Task every_instrument_is_in_the_runbook_table()
    {
        var instruments = (await MetricsTraffic.Scrape(app)).Instruments;
        var runbook = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "operations.md"));

        instruments.ShouldAllBe(i => runbook.Contains($"| `{i.Name}` |"));
    }

    /// <summary>The series names of an instrument in a scrape: dots to underscores, seconds named once, counters totalled, histograms in three.</summary>
    private static IEnumerable<string> PrometheusSeries(PublishedInstrument instrument)
    {
        var name = instrument.Name.Replace('.', '_');
        if (instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal))
            name += "_seconds";
        return instrument.Kind switch
        {
            var k when k.StartsWith("Counter", StringComparison.Ordinal) => [name + "_total"],
            var k when k.StartsWith("Histogram", StringComparison.Ordinal) => [name + "_bucket", name + "_sum", name + "_count"],
            _ => [name],
        };
    }

    /// <summary>The series an expression reads: what is left once label matchers, grouping labels, strings and numbers are gone.</summary>
    private static IEnumerable<string> SeriesNamed(string expression)
    {
        var bare = Grouping().Replace(Matchers().Replace(expression, ""), "");
        return Identifier().Matches(bare).Select(m => m.Value).Where(word => !PromQlWords.Contains(word));
    }

    private static async Task<RepositoryScript.Run> Promtool(params string[] arguments)
    {
        var start = new ProcessStartInfo("promtool", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("promtool is not on PATH: run the tests with ./ops/test, which unpacks it from Debian's prometheus package.");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return new RepositoryScript.Run(process.ExitCode, await output, await errors);
        }
    }

    [GeneratedRegex(@"^\s*- alert: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AlertName();

    [GeneratedRegex(@"^\s*expr: (.+)$", RegexOptions.Multiline)]
    private static partial Regex RuleExpression();

    [GeneratedRegex(@"\{[^}]*\}|""[^""]*""|\[[^\]]*\]")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
