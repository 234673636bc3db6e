namespace CaseFlow.Server.Audit;

/// <summary>
/// Marks a read endpoint whose every call goes to the access audit, whatever its outcome. The record is
/// <see cref="Kind"/> and the id in the route value named <see cref="RouteKey"/> ("case:&lt;id&gt;"), or the kind alone.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AccessAuditedAttribute(string kind, string? routeKey = null) : Attribute
{
    public string Kind => kind;
    public string? RouteKey => routeKey;

    /// <summary>Only an id is copied from the route: anything else a caller typed there (an A-number) is "invalid".</summary>
    public string RecordOf(RouteValueDictionary route) =>
        RouteKey is null || !route.TryGetValue(RouteKey, out var value) ? Kind
        : Guid.TryParse(value?.ToString(), out var id) ? $"{Kind}:{id}"
        : $"{Kind}:invalid";
}
