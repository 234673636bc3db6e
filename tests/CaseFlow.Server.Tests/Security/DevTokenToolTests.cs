using System.Diagnostics;
using Alba;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// ./ops/token runs CaseFlow.DevTokens, which mints with the same DevelopmentTokens as <see cref="TestTokens"/>: a token
/// it prints under the host's key is accepted with the scope asked for, and a wrong argument mints nothing.
/// </summary>
public class DevTokenToolTests(AppFixture app)
{
    private static readonly string Tool = Path.Combine(RepositoryRoot.Path, "src", "CaseFlow.DevTokens", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "CaseFlow.DevTokens.dll");

    [Fact]
    public async Task a_token_from_the_tool_is_accepted_with_its_scope()
    {
        var (code, token, _) = await Run("screening-system", "--ori", Agencies.FortBend);

        code.ShouldBe(0);
        await app.Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", "Bearer " + token.Trim());
            s.Get.Url($"/api/agreements/{Agencies.FortBend}/JEM");
            s.StatusCodeShouldBeOk();
        });
    }

    [Theory]
    [InlineData("officer", "--ori", "TX0790000")]
    [InlineData("supervisor", "--field-office", "XYZ")]
    [InlineData("auditor", "--ttl-minutes", "61")]
    [InlineData("root")]
    public async Task a_wrong_argument_mints_nothing_and_says_why(params string[] args)
    {
        var (code, token, errors) = await Run(args);

        code.ShouldBe(2);
        token.ShouldBeEmpty();
        errors.ShouldStartWith("token: error: ");
    }

    private async Task<(int Code, string Output, string Errors)> Run(params string[] args)
    {
        var keyFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(keyFile, app.Tokens.Base64Key, TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo("dotnet", [Tool, .. args, "--key-file", keyFile]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start).ShouldNotBeNull();
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, await output, await errors);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }
}
