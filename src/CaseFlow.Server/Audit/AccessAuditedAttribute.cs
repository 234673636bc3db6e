namespace CaseFlow.Server.Audit;

/// <summary>
/// Marks a read endpoint whose every call goes to the access audit, whatever its outcome. The record is
/// <see cref="Kind"/> and the route value named <see cref="RouteKey"/> ("case:&lt;id&gt;"), or the kind alone.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AccessAuditedAttribute(string kind, string? routeKey = null) : Attribute
{
    public string Kind => kind;
    public string? RouteKey => routeKey;

    public string RecordOf(RouteValueDictionary route) =>
        RouteKey is not null && route.TryGetValue(RouteKey, out var value) && value is not null ? $"{Kind}:{Bounded(value.ToString())}" : Kind;

    private static string? Bounded(string? text) => text is { Length: > 100 } ? text[..100] : text;
}
