using System.Diagnostics;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// Production runs on the Wolverine handlers committed under src/CaseFlow.Server/Internal/Generated. This test
/// regenerates them with the server's own <c>codegen write</c> command into a scratch folder and fails on any
/// difference, so stale generated code cannot ship. Fix a failure with <c>./ops/codegen</c>.
/// </summary>
public class GeneratedCodeTests
{
    private static readonly string ServerProject = Path.Combine(RepositoryRoot.Path, "src", "CaseFlow.Server");
    private static readonly string Committed = Path.Combine(ServerProject, "Internal", "Generated");

    /// <summary>The server as built by the same solution build and configuration as these tests (bin/&lt;configuration&gt;/net10.0).</summary>
    public static readonly string ServerAssembly = Path.Combine(
        ServerProject, "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "CaseFlow.Server.dll");

    [Fact]
    public async Task the_committed_generated_code_is_current()
    {
        var scratch = Directory.CreateTempSubdirectory("caseflow-codegen-").FullName;
        try
        {
            await RunCodegenWrite(scratch);

            var expected = Files(scratch);
            var actual = Files(Committed);
            actual.Keys.ShouldBe(expected.Keys, ignoreOrder: true, customMessage: "Run ./ops/codegen and commit the result.");
            foreach (var (name, code) in expected)
                actual[name].ShouldBe(code, $"{name} is stale: run ./ops/codegen and commit the result.");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task RunCodegenWrite(string outputPath)
    {
        var start = new ProcessStartInfo("dotnet", [ServerAssembly, "codegen", "write"])
        {
            WorkingDirectory = outputPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Codegen__OutputPath"] = outputPath,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Marten"] = AppFixture.ConnectionString,
            },
        };
        using var process = Process.Start(start).ShouldNotBeNull();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, $"codegen write failed:\n{await output}\n{await errors}");
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => File.ReadAllText(f).ReplaceLineEndings("\n"));
}
