namespace CaseFlow.Server.Platform;

/// <summary>
/// A member the server hands over as stored JSON (so that nothing is lost or reordered on the way) whose shape is
/// <see cref="Type"/>'s: the OpenAPI document types it as that type's component.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DescribedAsAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;
}

/// <summary>A member that may hold any JSON value (a leaf of a document compared, say): the OpenAPI document gives it no type.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AnyJsonValueAttribute : Attribute;
