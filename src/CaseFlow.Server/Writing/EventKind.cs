using CaseFlow.Domain;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Server.Writing;

/// <summary>
/// One type of event clients post to a kind of stream: the shape of its data, the roles that may post it, and how
/// the data becomes the stored event (most are stored as sent; some add what the server judges once, such as a
/// training outcome or a termination's effective date).
/// </summary>
public sealed record EventKind(Type DataType, IReadOnlyList<string> Roles, Func<object, Actor, object> ToEvent)
{
    /// <summary>Where who posts it depends on the case's model: the roles under each (<see cref="Roles"/> admits them all).</summary>
    public IReadOnlyDictionary<ProgramModel, IReadOnlyList<string>> RolesByModel { get; init; } = new Dictionary<ProgramModel, IReadOnlyList<string>>();

    /// <summary>Who may post it on a case of <paramref name="model"/>; without a model (a case not visible), everyone who may under some model.</summary>
    public IReadOnlyList<string> RolesUnder(ProgramModel? model) =>
        model is { } m && RolesByModel.TryGetValue(m, out var roles) ? roles : Roles;

    /// <summary>An event the jail records under one model and ICE under the other.</summary>
    public static EventKind PerModel<TData>(IReadOnlyList<string> jem, IReadOnlyList<string> wso) =>
        Of<TData>([.. jem.Union(wso)]) with { RolesByModel = new Dictionary<ProgramModel, IReadOnlyList<string>> { [ProgramModel.JEM] = jem, [ProgramModel.WSO] = wso } };

    public static EventKind Of<TData>(IReadOnlyList<string> roles) => new(typeof(TData), roles, (data, _) => data);

    public static EventKind Of<TData>(IReadOnlyList<string> roles, Func<TData, object> toEvent) =>
        new(typeof(TData), roles, (data, _) => toEvent((TData)data));

    /// <summary>An event that records who acted in its data (a preparer or reviewer, for the four-eyes rule).</summary>
    public static EventKind Of<TData>(IReadOnlyList<string> roles, Func<TData, Actor, object> toEvent) =>
        new(typeof(TData), roles, (data, actor) => toEvent((TData)data, actor));
}
