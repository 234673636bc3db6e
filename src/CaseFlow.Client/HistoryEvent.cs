using System.Reflection;

namespace CaseFlow.Client.Generated.Models;

/// <summary>
/// A history item comes out of the generator as a wrapper with one member per event type, holding the item in the member
/// of its type (<c>HistoryEventDetainerPrepared</c>, with its typed <c>Data</c>). Every one of them derives from
/// <see cref="HistoryEventCommon"/>; <see cref="Common"/> reads what all items share (version, type, instants,
/// metadata) without a switch over the types.
/// </summary>
public partial class HistoryEvent
{
    private static readonly PropertyInfo[] ByType =
        [.. typeof(HistoryEvent).GetProperties().Where(p => p.PropertyType.IsSubclassOf(typeof(HistoryEventCommon)))];

    /// <summary>The item's common members; null for an event type this client was generated before.</summary>
    public HistoryEventCommon? Common => ByType.Select(p => p.GetValue(this)).OfType<HistoryEventCommon>().SingleOrDefault();
}
