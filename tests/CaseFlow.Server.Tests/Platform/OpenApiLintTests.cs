using System.Diagnostics;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// The committed document passes a real OpenAPI linter: Spectral's <c>spectral:oas</c> ruleset (pinned in
/// ops/lint/package-lock.json), with no error and no warning. <c>./ops/lint-openapi</c> shows the findings.
/// </summary>
public class OpenApiLintTests
{
    [Fact]
    public async Task the_committed_document_passes_spectral_oas_without_a_warning()
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "ops", "lint-openapi"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start).ShouldNotBeNull();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(0, $"Spectral found problems in docs/openapi.json:\n{await output}\n{await errors}");
        (await output).ShouldContain("No results with a severity of 'warn' or higher found!");
    }
}
