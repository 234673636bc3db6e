using System.Diagnostics;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>One of the repository's operator scripts (<c>ops/...</c>) run to its end: its exit code and what it printed.</summary>
public static class RepositoryScript
{
    public sealed record Run(int ExitCode, string Output, string Errors)
    {
        public string Printed => $"{Output}\n{Errors}";
    }

    public static async Task<Run> Execute(string script, IEnumerable<string>? arguments = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, script), arguments ?? [])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start).ShouldNotBeNull();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Run(process.ExitCode, await output, await errors);
    }
}
