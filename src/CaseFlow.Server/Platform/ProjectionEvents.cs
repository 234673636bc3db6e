using JasperFx.Events.Projections;

namespace CaseFlow.Server.Platform;

public static class ProjectionEvents
{
    /// <summary>
    /// Hands the projection only these event types (its streams', from <see cref="CaseFlow.Domain.EventCatalogue"/>).
    /// Its evolve function takes any event, so without them Marten would give it every stream's events: inline, a load
    /// of its documents for every stream a transaction appends to (a round trip per projection at each commit, finding
    /// none); asynchronous, every other stream's events read and folded to nothing.
    /// </summary>
    public static void TakeOnly(this IEventFilterable projection, IEnumerable<Type> events)
    {
        foreach (var type in events)
            projection.IncludeType(type);
    }
}
