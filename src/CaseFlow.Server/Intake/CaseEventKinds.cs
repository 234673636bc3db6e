using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Intake;

/// <summary>One type of event a client may post to a case: its data type, who may post it, and the rule it must pass.</summary>
public sealed record CaseEventKind(Type DataType, IReadOnlyList<string> Roles, Func<CaseFile, object, Refusal?> Rule)
{
    public static CaseEventKind Of<TData>(IReadOnlyList<string> roles, Func<CaseFile, TData, Refusal?> rule) =>
        new(typeof(TData), roles, (state, data) => rule(state, (TData)data));
}

/// <summary>The events clients post to <c>/api/cases/{caseId}/events</c>, by type name.</summary>
public static class CaseEventKinds
{
    private static readonly IReadOnlyList<string> Jail = [Roles.ScreeningSystem, Roles.Officer];

    public static readonly IReadOnlyDictionary<string, CaseEventKind> ByType = new Dictionary<string, CaseEventKind>
    {
        [nameof(ScheduledReleaseSet)] = CaseEventKind.Of<ScheduledReleaseSet>(Jail, CaseRules.CheckScheduledRelease),
        [nameof(ChargesAmended)] = CaseEventKind.Of<ChargesAmended>(Jail, CaseRules.CheckChargesAmended),
    };
}
