using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CaseFlow.Demo.Plan;
using CaseFlow.Domain.Agreements;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// A plan whose writes are made by this program in a child process (<c>generate</c>) and read from its standard output,
/// one JSON line per write. The plan's own bookkeeping (the open cases, the officers' timelines, the queue of what
/// comes next: about 24 MiB live at the national year) then stays out of the process that serves the writes, whose
/// peak memory is bounded (docs/benchmarks.md, "The demo year's load"). The child makes the same writes, ids included,
/// as <paramref name="plan"/> would here: a new instance of the plan's type (a plan with a parameterless constructor
/// that the child can load) over the same agreements (<see cref="DemoLoader.Agreements"/>).
/// </summary>
public sealed class PlanInChildProcess(IDemoPlan plan) : IDemoPlan
{
    private const string Command = "generate";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The plan the child runs.</summary>
    public IDemoPlan Plan => plan;

    public IEnumerable<DemoWrite> Writes(DemoSettings settings, IReadOnlyList<AgreementSigned> agreements)
    {
        using var child = Process.Start(StartInfo(plan, settings)) ?? throw new InvalidOperationException("The demo plan's process did not start.");
        var errors = child.StandardError.ReadToEndAsync();
        try
        {
            while (child.StandardOutput.ReadLine() is { } line)
                yield return JsonSerializer.Deserialize<DemoWrite>(line, Json) ?? throw new InvalidDataException("The demo plan's process wrote an empty line.");
            child.WaitForExit();
            if (child.ExitCode != 0)
                throw new InvalidOperationException($"The demo plan's process failed with exit code {child.ExitCode}: {errors.Result}");
        }
        finally
        {
            // A load that stops early (a refused write) leaves no child behind.
            if (!child.HasExited)
            {
                child.Kill();
                child.WaitForExit();
            }
        }
    }

    /// <summary>Whether the program was started as the plan's child process.</summary>
    public static bool IsChild(string[] args) => args is [Command, ..];

    /// <summary>
    /// The child's work: the writes of the plan of type <paramref name="planType"/> (assembly-qualified) for
    /// <paramref name="settings"/> on <paramref name="output"/>, a JSON line each.
    /// </summary>
    public static void Generate(string planType, DemoSettings settings, Stream output)
    {
        var plan = (IDemoPlan)Activator.CreateInstance(Type.GetType(planType, throwOnError: true)!)!;
        using var buffered = new BufferedStream(output, 1 << 16);
        using var json = new Utf8JsonWriter(buffered);
        foreach (var write in plan.Writes(settings, DemoLoader.Agreements()))
        {
            JsonSerializer.Serialize(json, write, Json);
            json.Flush();
            json.Reset();
            buffered.WriteByte((byte)'\n');
        }
    }

    private static ProcessStartInfo StartInfo(IDemoPlan plan, DemoSettings settings)
    {
        // This program's own assembly, run by the muxer that runs this process, or by the one on the PATH (under a test host).
        var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = [typeof(PlanInChildProcess).Assembly.Location, Command, "--plan", plan.GetType().AssemblyQualifiedName!,
            "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture), "--scale", settings.Scale.ToString("R", CultureInfo.InvariantCulture)];
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }
}
