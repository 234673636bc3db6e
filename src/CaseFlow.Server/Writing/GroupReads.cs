using Marten.Services.BatchQuerying;

namespace CaseFlow.Server.Writing;

/// <summary>
/// What the rules of a group's writes read in the round trip that locks their streams: documents by id, each read
/// once however many writes ask for it (a batch's hundreds of case events read their agency's one agreement).
/// </summary>
public sealed class GroupReads(IBatchedQuery batch)
{
    private readonly Dictionary<(Type Type, Guid Id), Task> _loads = [];

    public Task<T?> Load<T>(Guid id) where T : class
    {
        if (!_loads.TryGetValue((typeof(T), id), out var load))
            _loads.Add((typeof(T), id), load = batch.Load<T>(id));
        return (Task<T?>)load;
    }
}
