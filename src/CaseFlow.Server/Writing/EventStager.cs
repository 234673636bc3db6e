using System.Text.Json;
using CaseFlow.Domain;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Security;
using JasperFx.Events;
using Marten;

namespace CaseFlow.Server.Writing;

/// <summary>
/// Turns an accepted event into what is stored: the client's event id, the envelope's metadata in headers, and
/// the integrity hash chained to the stream's previous event. Every way of appending goes through here.
/// </summary>
public static class EventStager
{
    public static IEvent Stage(IDocumentSession session, Guid streamId, long version, string previousHash, IncomingEvent incoming, object data, CallerScope caller)
    {
        var e = session.Events.BuildEvent(data);
        e.Id = incoming.EventId;
        e.Version = version;

        var metadata = new Dictionary<string, object>
        {
            [EventHeaders.OccurredAt] = incoming.OccurredAt.ToString("O"),
            [EventHeaders.Late] = incoming.Late,
            [EventHeaders.Client] = caller.Subject,
            [EventHeaders.Role] = caller.Role,
            [EventHeaders.Ori] = caller.Ori ?? "",
            [EventHeaders.PolicyVersion] = PolicyVersion.Current,
            [EventHeaders.SchemaVersion] = EventCatalogue.SchemaVersionOf(data.GetType()),
            [EventHeaders.Fingerprint] = incoming.Fingerprint,
        };
        if (incoming.OfficerId is not null)
            metadata[EventHeaders.OfficerId] = incoming.OfficerId;

        var link = new ChainLink(streamId, version, e.Id, e.EventTypeName, session.DocumentStore.Options.Serializer().ToJson(data), JsonSerializer.Serialize(metadata));
        metadata[EventHeaders.Hash] = EventChain.Hash(previousHash, link);

        foreach (var (key, value) in metadata)
            e.SetHeader(key, value);
        return e;
    }
}
