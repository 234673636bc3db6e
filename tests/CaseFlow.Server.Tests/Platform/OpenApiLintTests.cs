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
        var lint = await RepositoryScript.Execute("ops/lint-openapi");

        lint.ExitCode.ShouldBe(0, $"Spectral found problems in docs/openapi.json:\n{lint.Printed}");
        lint.Output.ShouldContain("No results with a severity of 'warn' or higher found!");
    }
}
