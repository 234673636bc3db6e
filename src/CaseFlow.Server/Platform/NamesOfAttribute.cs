namespace CaseFlow.Server.Platform;

/// <summary>
/// A member a request carries as text and the endpoint reads itself as one of <see cref="Enum"/>'s names (so that a
/// bad value gets a problem naming the member): the OpenAPI document types it as that enum's component.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NamesOfAttribute(Type @enum) : Attribute
{
    public Type Enum { get; } = @enum.IsEnum ? @enum : throw new ArgumentException($"{@enum} is not an enum.", nameof(@enum));
}
