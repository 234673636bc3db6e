using Microsoft.IdentityModel.JsonWebTokens;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// What the fuzz tests write when an iteration fails. They run against the shared database, which other iterations
/// and tests keep changing, so CsCheck's seed alone does not replay a failure: the log carries the whole request and
/// the state of the objects it was aimed at, enough to rebuild that state on a fresh case and send it again.
/// </summary>
public static class FuzzFailures
{
    public static void Log(string method, string url, string token, string? body, string state, Exception failure)
    {
        var role = new JsonWebToken(token).Claims.FirstOrDefault(c => c.Type == CaseFlow.Server.Security.CaseFlowClaims.Role)?.Value;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"FAILED ({failure.GetType().Name}) {method} {url} as {role}{Environment.NewLine}  body: {body}{Environment.NewLine}  state when logged (a stored request included): {state}");
    }
}
