namespace CaseFlow.Server.ReferenceData;

/// <summary>
/// A table keyed by state, or by state and county where a state is split. The published files never pair a
/// whole-state row with county rows of the same state, so a lookup tries the state first, then the county.
/// </summary>
public sealed class CountyTable<T>(IEnumerable<(string StateCode, string? County, T Value)> rows)
{
    private readonly Dictionary<(string, string), T> _rows =
        rows.ToDictionary(r => (r.StateCode, r.County ?? ""), r => r.Value);

    public T? Find(string stateCode, string? county) =>
        _rows.TryGetValue((stateCode, ""), out var whole) ? whole
        : county is not null && _rows.TryGetValue((stateCode, county), out var byCounty) ? byCounty
        : default;
}
