using System.Text.RegularExpressions;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// ProblemTypes lists every problem code the server answers with, for the OpenAPI document's Problem schema: every
/// code written in the source (a refusal, a forbidden answer, a not-found noun, a write target's conflict, a literal
/// problem type) must be listed.
/// </summary>
public partial class ProblemTypeTests
{
    [GeneratedRegex("""(?:Refusal|Forbidden|Problems\.Write\(\w+, [\w.]+|Problem\(\d+)\(?\s*"(?<code>[a-z0-9-]+)"|problem:(?<code>[a-z0-9-]+)"|NotFound\("(?<noun>[a-z-]+)"\)|new\("(?<noun>[a-z]+)", "/api/[a-z]+/", "(?<code>[a-z-]+)"|ProblemCode = "(?<code>[a-z0-9-]+)""")]
    private static partial Regex CodeInSource();

    [Fact]
    public void every_problem_code_in_the_source_is_listed()
    {
        var listed = ProblemTypes.Codes.ToHashSet();
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Generated{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var found = sources.SelectMany(f => CodeInSource().Matches(File.ReadAllText(f)))
            .SelectMany(m => new[] { m.Groups["code"], m.Groups["noun"] }.Where(g => g.Success).Select(g => g == m.Groups["noun"] ? $"{g.Value}-not-found" : g.Value))
            .ToHashSet();

        found.Count.ShouldBeGreaterThan(50);
        found.Except(listed).ShouldBeEmpty("Add these codes to ProblemTypes.Codes (and docs/events.md).");
    }
}
