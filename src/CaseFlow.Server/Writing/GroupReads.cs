using CaseFlow.Server.Platform;
using Marten.Services.BatchQuerying;

namespace CaseFlow.Server.Writing;

/// <summary>
/// What a group of writes reads in the round trip that locks their streams: the documents their rules read, each read
/// once however many writes ask for it (a batch's hundreds of case events read their agency's one agreement), and
/// their event ids, all looked up by one statement after every lock is granted.
/// </summary>
public sealed class GroupReads(IBatchedQuery batch)
{
    private static readonly string StoredEventsSql =
        "select jsonb_build_object('id', id, 'streamId', stream_id, 'version', version, 'sequence', seq_id, 'type', type, 'fingerprint', headers ->> '"
        + EventHeaders.Fingerprint + $"') from {PersistenceSetup.SchemaName}.mt_events where id = any(?)";

    private readonly Dictionary<(Type Type, Guid Id), Task> _loads = [];
    private readonly HashSet<Guid> _eventIds = [];
    private Task<IReadOnlyList<StoredEvent>>? _storedEvents;
    private Dictionary<Guid, StoredEvent>? _storedById;

    public Task<T?> Load<T>(Guid id) where T : class
    {
        if (!_loads.TryGetValue((typeof(T), id), out var load))
            _loads.Add((typeof(T), id), load = batch.Load<T>(id));
        return (Task<T?>)load;
    }

    /// <summary>Asks for an event id to be looked up (<see cref="Stored"/> once the round trip ran).</summary>
    internal void LookUp(Guid eventId) => _eventIds.Add(eventId);

    /// <summary>Adds the lookup of every event id asked for; called once every stream lock is in the round trip, so a write committed before a lock was granted is seen.</summary>
    internal void AddEventLookup() => _storedEvents = batch.Query<StoredEvent>(StoredEventsSql, [_eventIds.ToArray()]); // one parameter: the array

    /// <summary>The stored event with this id, if any.</summary>
    internal StoredEvent? Stored(Guid eventId) => (_storedById ??= _storedEvents!.Result.ToDictionary(e => e.Id)).GetValueOrDefault(eventId);
}

/// <summary>What a replay is answered from: a stored event's place, type and the fingerprint of the request that stored it.</summary>
public sealed record StoredEvent(Guid Id, Guid StreamId, long Version, long Sequence, string Type, string? Fingerprint)
{
    public AppendResult Answer => new(StreamId, Id, Type, Version, Sequence);
}
