using Alba;

namespace CaseFlow.Server.Tests.Infrastructure;

public static class ScenarioExtensions
{
    public static void Bearer(this Scenario scenario, string token) =>
        scenario.WithRequestHeader("Authorization", $"Bearer {token}");

    /// <summary>A GET as the given token, expecting the given status.</summary>
    public static Task<IScenarioResult> GetAs(this IAlbaHost host, string token, string url, int status = 200) =>
        host.Scenario(s =>
        {
            s.Get.Url(url);
            s.Bearer(token);
            s.StatusCodeShouldBe(status);
        });
}
