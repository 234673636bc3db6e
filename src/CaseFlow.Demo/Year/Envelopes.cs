using System.Text.Json.Nodes;
using UUIDNext;

namespace CaseFlow.Demo.Year;

/// <summary>The envelope every event is sent in (docs/events.md, "The envelope"), its event id named from the seed, the stream and the event's place in it.</summary>
public static class Envelopes
{
    /// <summary>The namespace of the demo's event ids (UUIDv5): never change it, or a second load would not recognise the first's events.</summary>
    public static readonly Guid EventNamespace = new("3b9e5c1d-7a24-4f8e-b6d3-91c0a2e4f5b7");

    public static Guid EventId(int seed, Guid stream, int index) => Uuid.NewNameBased(EventNamespace, $"{seed}|{stream}|{index}");

    public static JsonObject Of(Guid eventId, string type, string occurredAt, JsonObject data, string? officerBadge = null, bool late = false)
    {
        var envelope = new JsonObject { ["eventId"] = eventId.ToString(), ["type"] = type, ["occurredAt"] = occurredAt };
        if (officerBadge is not null)
            envelope["officerId"] = officerBadge;
        if (late)
            envelope["late"] = true;
        envelope["data"] = data;
        return envelope;
    }
}
