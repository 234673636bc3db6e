using System.Text.Json.Nodes;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>A read sent as the first of the reading roles it lets in, for tests that walk every read of the document.</summary>
public static class FirstReader
{
    /// <summary>The status and, for a 400, the problem's errors.</summary>
    public static async Task<(int Status, JsonObject? Errors)> Read(AppFixture app, string url)
    {
        var tokens = new[] { Roles.Auditor, Roles.Admin, Roles.Analyst }.Select(r => app.Tokens.For(r)).Append(app.Tokens.For(Roles.ScreeningSystem, ori: "TX0790000"));
        foreach (var token in tokens)
        {
            var result = await app.Host.Scenario(s =>
            {
                s.Get.Url(url);
                s.Bearer(token);
                s.IgnoreStatusCode();
            });
            var status = result.Context.Response.StatusCode;
            if (status is 401 or 403)
                continue;
            return (status, status == 400 ? JsonNode.Parse(await result.ReadAsTextAsync())!["errors"]?.AsObject() : null);
        }

        throw new ShouldAssertException($"No role may read {url}.");
    }
}
