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

    /// <summary>Everything an answer says: its headers (a challenge's included) and its body.</summary>
    public static async Task<string> WholeAnswer(this IScenarioResult result) =>
        string.Join('\n', result.Context.Response.Headers.Select(h => $"{h.Key}: {h.Value}")) + '\n' + await result.ReadAsTextAsync();

    /// <summary>The answer's body, byte for byte.</summary>
    public static async Task<byte[]> ReadAsBytesAsync(this IScenarioResult result)
    {
        var body = result.Context.Response.Body;
        if (body.CanSeek)
            body.Position = 0;
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        return copy.ToArray();
    }
}
