using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Demo.Plan;
using CaseFlow.Server.Security;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// Sends a demo write as its sender would, to the host's real endpoint through the in-memory test server (no socket):
/// a development token with the sender's claims, the JSON body, a POST. Authentication, authorization, the rules, the
/// chain, the vault and the access audit apply as to any request. Anything but an applied (or replayed) write is a
/// <see cref="DemoRefusedException"/>.
/// </summary>
public sealed class DemoDispatch(HttpClient http, byte[] signingKey)
{
    // Tokens are checked against the wall clock (the server's lifetime cap is an hour): minted for an hour, renewed after half.
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (string Token, DateTime Expires)> _tokens = new();

    public async Task Send(DemoWrite write, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, write.Path)
        {
            Content = new StringContent(write.Body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(write.By));
        using var response = await http.SendAsync(request, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
            throw DemoRefusedException.Of(write, (int)response.StatusCode, TypeOf(answer), write.Body["type"]?.ToString());
        if (JsonNode.Parse(answer)?["results"] is JsonArray items)
            RefuseAnyItemNotApplied(write, items);
    }

    /// <summary>A batch is answered 200 whatever became of its items: each must be applied (or replayed).</summary>
    private static void RefuseAnyItemNotApplied(DemoWrite write, JsonArray items)
    {
        foreach (var item in items)
        {
            if (item?["status"]?.ToString() is "applied" or "replayed")
                continue;
            var index = item?["index"]?.GetValue<int>() ?? -1;
            var sent = write.Body["events"] is JsonArray sentItems && index >= 0 && index < sentItems.Count ? sentItems[index]?["type"]?.ToString() : null;
            throw DemoRefusedException.Of(write, 200, item?["problem"]?["type"]?.ToString() ?? item?["status"]?.ToString(), $"item {index} {sent}");
        }
    }

    private static string? TypeOf(string problem)
    {
        try
        {
            return JsonNode.Parse(problem)?["type"]?.ToString();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Who the actor is, as a string: the same sender whichever <see cref="DemoActor"/> instance names it.</summary>
    public static string KeyOf(DemoActor actor) => $"{actor.Role}|{actor.Subject}|{string.Join('|', actor.Claims.Select(c => $"{c.Key}={c.Value}"))}";

    /// <summary>The claims of the actor's token.</summary>
    public static List<Claim> ClaimsOf(DemoActor actor) =>
        [new(CaseFlowClaims.Subject, actor.Subject), new(CaseFlowClaims.Role, actor.Role), .. actor.Claims.Select(c => new Claim(c.Key, c.Value))];

    private string TokenFor(DemoActor actor)
    {
        var key = KeyOf(actor);
        var now = DateTime.UtcNow;
        if (_tokens.TryGetValue(key, out var cached) && cached.Expires - now > TokenLifetime / 2)
            return cached.Token;
        var token = DevelopmentTokens.Mint(ClaimsOf(actor), signingKey, now.AddMinutes(-1), now.AddMinutes(-1) + TokenLifetime);
        _tokens[key] = (token, now.AddMinutes(-1) + TokenLifetime);
        return token;
    }
}

/// <summary>
/// A demo write CaseFlow did not apply: the load stops. Says where (path, event type, the simulated instant) and why
/// (status, problem type), never what the body held.
/// </summary>
public sealed class DemoRefusedException(string message) : Exception(message)
{
    public static DemoRefusedException Of(DemoWrite write, int status, string? problemType, string? eventType) =>
        new($"the demo year stopped at {write.SentAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}: POST {write.Path} ({eventType ?? "no event type"}) by {write.By.Role} was answered {status} {problemType ?? "(no problem type)"}");
}
