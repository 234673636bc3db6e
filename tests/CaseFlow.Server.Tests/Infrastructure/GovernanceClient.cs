using Alba;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Governance requests as agencies, supervisors and admins send them.</summary>
public static class GovernanceClient
{
    public static Dictionary<string, object?> Envelope(string type, object data, DateTimeOffset? occurredAt = null, Guid? eventId = null)
    {
        var at = occurredAt ?? DateTimeOffset.UtcNow.AddSeconds(-5);
        var envelope = new Dictionary<string, object?>
        {
            ["eventId"] = eventId ?? Guid.NewGuid(),
            ["type"] = type,
            ["occurredAt"] = Envelopes.Instant(at),
            ["data"] = data,
        };
        if (at < DateTimeOffset.UtcNow.AddDays(-2))
            envelope["late"] = true;
        return envelope;
    }

    public static Task<IScenarioResult> Post(this IAlbaHost host, string token, string url, object body, int status) =>
        host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.Bearer(token);
            s.StatusCodeShouldBe(status);
        });

    public static async Task<Guid> Nominate(this IAlbaHost host, string agencyToken, string badge, DateTimeOffset at, params string[] models)
    {
        var result = await host.Post(agencyToken, "/api/officers", Envelope("OfficerNominated", new { badgeNumber = badge, models }, at), 201);
        return (await result.ReadAsJsonAsync<AppendResult>()).Id;
    }

    public static Task<IScenarioResult> OfficerEvent(this IAlbaHost host, string token, Guid officerId, string type, object data, int status = 200) =>
        host.Post(token, $"/api/officers/{officerId}/events", Envelope(type, data), status);
}
