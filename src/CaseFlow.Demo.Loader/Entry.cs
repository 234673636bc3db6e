using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using CaseFlow.Demo.Plan;
using Spectre.Console;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// Usage (through ./ops/run --demo or ./ops/bench/demo): --connection CS [--seed N] [--scale X] [--writers N] [--window-minutes M] [--lanes N]
///   Loads the demo fiscal year into the database once (a second run says it is loaded; an unmarked non-empty database
///   is refused), with a progress bar, then prints what it wrote. The plan's writes are made by this program started
///   again as its child (generate --plan TYPE --seed N --scale X: one JSON line per write), see <see cref="PlanInChildProcess"/>.
/// catch-up --connection CS
///   Runs the asynchronous projections until they have passed the last event (<see cref="DemoCatchUp"/>) and says how
///   long that took: ./ops/run --demo and ./ops/bench/demo run it after the load, in a process of its own.
/// </summary>
public static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        if (PlanInChildProcess.IsChild(args))
        {
            var generate = Options(args[1..]);
            PlanInChildProcess.Generate(generate["plan"], SettingsOf(generate), Console.OpenStandardOutput());
            return 0;
        }

        var options = Options(args is ["catch-up", ..] ? args[1..] : args);
        if (!options.TryGetValue("connection", out var connection))
        {
            Console.Error.WriteLine("usage: CaseFlow.Demo.Loader --connection CS [--seed 2026] [--scale 1.0] [--writers 16] [--window-minutes 60] [--lanes 3] | catch-up --connection CS");
            return 2;
        }

        if (args is ["catch-up", ..])
        {
            await CatchUp(connection);
            return 0;
        }

        var settings = SettingsOf(options);
        var writers = int.Parse(options.GetValueOrDefault("writers", "16"), CultureInfo.InvariantCulture);
        var window = options.TryGetValue("window-minutes", out var minutes)
            ? TimeSpan.FromMinutes(double.Parse(minutes, CultureInfo.InvariantCulture))
            : DemoLoader.DefaultWindow;
        var lanes = options.TryGetValue("lanes", out var given) ? int.Parse(given, CultureInfo.InvariantCulture) : DemoLanes.Default;
        if (lanes < 1)
        {
            Console.Error.WriteLine($"demo: --lanes must be at least 1, got {lanes}");
            return 2;
        }

        var plan = new PlanInChildProcess(DemoPlans.TheYear());
        var elapsed = Stopwatch.StartNew();
        LoadResult result;
        try
        {
            result = await DemoLoader.Load(connection, plan, settings, writers, window, watch: LoadProgress.Show, lanes: lanes);
        }
        catch (DemoRefusedException refused)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]demo: {refused.Message}[/]");
            return 1;
        }

        if (result.Before != DemoDatabaseState.Empty)
        {
            Console.WriteLine($"demo: {result.Why}");
            return result.Before == DemoDatabaseState.Loaded ? 0 : 1;
        }

        PrintLoad(result, settings, elapsed.Elapsed);
        return 0;
    }

    private static async Task CatchUp(string connection)
    {
        // A batch job in a process of its own, CPU-bound beside PostgreSQL: blocking collections cost less CPU than
        // background ones, and nothing here waits on a pause. (Not the load: there a blocking collection stops every
        // lane at once, and the writes' process keeps its peak under 300 MiB with background ones.)
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        var elapsed = Stopwatch.StartNew();
        await using var node = await DemoCatchUp.Run(connection);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo: asynchronous projections caught up in {elapsed.Elapsed.TotalSeconds:0} s; this process's CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s, its peak memory (VmHWM) {PeakMemory.VmHwmMiB():0} MiB"));
    }

    private static void PrintLoad(LoadResult result, DemoSettings settings, TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        var cpuPerEvent = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds / Math.Max(1, result.Events);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"demo: FY2026 seed {settings.Seed} scale {settings.Scale}: {result.Writes} writes in {result.Windows} windows ({(double)result.Writes / Math.Max(1, result.Windows):0.00} per window) in {result.Lanes} lanes, {result.Events} events ({result.DeadlinesDelivered} deadlines delivered, {result.DeliveringDeadlines.TotalSeconds:0} s of it one by one between windows) in {seconds:0} s, {result.Events / seconds:0} events/s, the loader's process {cpuPerEvent:0.00} ms CPU per event; peak memory (VmHWM) {PeakMemory.VmHwmMiB():0} MiB"));
    }

    private static Dictionary<string, string> Options(string[] args) =>
        args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);

    private static DemoSettings SettingsOf(Dictionary<string, string> options) => new(
        int.Parse(options.GetValueOrDefault("seed", "2026"), CultureInfo.InvariantCulture),
        double.Parse(options.GetValueOrDefault("scale", "1.0"), CultureInfo.InvariantCulture));
}
