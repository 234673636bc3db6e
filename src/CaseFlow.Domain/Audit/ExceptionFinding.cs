using UUIDNext;

namespace CaseFlow.Domain.Audit;

/// <summary>The control tests' kinds of finding (docs/audit.md): each should never be found in a healthy program.</summary>
public enum ExceptionKind
{
    /// <summary>An officer's act recorded, then the officer's authorization revoked effective at or before it.</summary>
    ActAfterAuthorizationRevoked,

    /// <summary>An officer's act at an instant when the officer's training was not current under today's refresher policy.</summary>
    ActWithTrainingLapsed,

    /// <summary>The 24-hour detainer notice or the one-hour citizenship-claim report met late, or not met by its due instant.</summary>
    DeadlineMissed,

    /// <summary>A hold whose person left the jail's custody after its deadline, or is held past it.</summary>
    HoldBeyondLimit,
}

/// <summary>An instant that makes a finding, by name (<c>due</c>, <c>metAt</c>, <c>actAt</c>, <c>revokedAt</c>, <c>lastTrainedAt</c>).</summary>
public sealed record FindingInstant(string Name, DateTimeOffset At);

/// <summary>
/// One finding of a control test: its kind, the rule it breaks, the instant it is sorted by and the instants that make
/// it; for an officer's act, the act's event and the officer. <c>id</c> is stable: the act's event id, or
/// derived from the case and the rule.
/// </summary>
public sealed record ExceptionFinding(
    Guid Id, ExceptionKind Kind, string Rule, DateTimeOffset At, IReadOnlyList<FindingInstant> Instants, Guid? EventId = null, Guid? OfficerId = null)
{
    private static readonly Guid Namespace = new("9b2f6c1e-3d4a-4e8b-a7c5-1f0e2d3c4b5a");

    public static Guid IdFor(Guid caseId, string rule) => Uuid.NewNameBased(Namespace, $"finding|{caseId}|{rule}");
}
