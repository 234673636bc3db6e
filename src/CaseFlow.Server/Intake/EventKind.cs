using CaseFlow.Domain.Cases;

namespace CaseFlow.Server.Intake;

/// <summary>
/// One type of event clients post to a kind of stream: the shape of its data, the roles that may post it, and how
/// the data becomes the stored event (most are stored as sent; some add what the server judges once, such as a
/// training outcome or a termination's effective date).
/// </summary>
public sealed record EventKind(Type DataType, IReadOnlyList<string> Roles, Func<object, Actor, object> ToEvent)
{
    public static EventKind Of<TData>(IReadOnlyList<string> roles) => new(typeof(TData), roles, (data, _) => data);

    public static EventKind Of<TData>(IReadOnlyList<string> roles, Func<TData, object> toEvent) =>
        new(typeof(TData), roles, (data, _) => toEvent((TData)data));

    /// <summary>An event that records who acted in its data (a preparer or reviewer, for the four-eyes rule).</summary>
    public static EventKind Of<TData>(IReadOnlyList<string> roles, Func<TData, Actor, object> toEvent) =>
        new(typeof(TData), roles, (data, actor) => toEvent((TData)data, actor));
}
