using System.Text.Json;
using CaseFlow.Demo.Plan;

namespace CaseFlow.Demo.Loader.Tests;

/// <summary>The plan made in a child process is the plan made here: the same writes, ids and bodies, in the same order.</summary>
public sealed class PlanInChildProcessTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(1, 0.002)]
    [InlineData(2026, 0.005)]
    public void the_child_process_makes_the_writes_the_plan_makes_in_process(int seed, double scale)
    {
        var settings = new DemoSettings(seed, scale);
        var here = DemoPlans.TheYear().Writes(settings, DemoLoader.Agreements()).Select(Line).ToList();

        var fromChild = new PlanInChildProcess(DemoPlans.TheYear()).Writes(settings, DemoLoader.Agreements()).Select(Line).ToList();

        here.Count.ShouldBeGreaterThan(1000);
        fromChild.Count.ShouldBe(here.Count);
        for (var i = 0; i < here.Count; i++)
            fromChild[i].ShouldBe(here[i], $"write {i}");
    }

    [Fact]
    public void a_load_that_stops_early_stops_the_child()
    {
        var writes = new PlanInChildProcess(DemoPlans.TheYear()).Writes(new DemoSettings(1, 0.05), DemoLoader.Agreements()).Take(10).ToList();

        writes.Count.ShouldBe(10);
        System.Diagnostics.Process.GetProcesses().ShouldNotContain(p => IsPlanChild(p));
    }

    private static string Line(DemoWrite write) => JsonSerializer.Serialize(write, Json);

    private static bool IsPlanChild(System.Diagnostics.Process process)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{process.Id}/cmdline");
            return commandLine.Contains("CaseFlow.Demo.Loader.dll", StringComparison.Ordinal) && commandLine.Contains("generate", StringComparison.Ordinal)
                && commandLine.Contains("0.05", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
