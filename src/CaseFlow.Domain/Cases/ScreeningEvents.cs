namespace CaseFlow.Domain.Cases;

/// <summary>A designated officer opened the 287(g) screening of the booked person (JEM step J3).</summary>
public sealed record ScreeningOpened(DateTimeOffset OpenedAt) : CaseEvent;

/// <summary>
/// The record checks (DHS/ICE systems, IDENT via the booking prints) ended. <paramref name="BiometricMatch"/> is
/// whether the prints matched a record: a foreign-born no-match is not a probable-cause basis.
/// <paramref name="PriorConvictions"/> are the convictions found (empty: none); null means not recorded (events
/// of schema version 1 carry none).
/// </summary>
public sealed record RecordsCheckCompleted(
    DateTimeOffset CompletedAt, IReadOnlyList<string> SystemsChecked, bool BiometricMatch, IReadOnlyList<PriorConviction>? PriorConvictions = null) : CaseEvent;

/// <summary>The officer interviewed the person; the record shows whether an interpreter was offered, used, and who.</summary>
public sealed record InterviewConducted(DateTimeOffset ConductedAt, bool InterpreterOffered, bool InterpreterUsed, string? InterpreterName = null, string? Language = null) : CaseEvent;

public enum ClaimChannel
{
    Interview,
    Written,
    ThroughCounsel,
    Other,
}

/// <summary>The person claimed (or the officer suspects) US citizenship: ICE must hear of it within one hour.</summary>
public sealed record CitizenshipClaimAsserted(DateTimeOffset AssertedAt, ClaimChannel How) : CaseEvent;

/// <summary>The claim was reported to ICE.</summary>
public sealed record CitizenshipClaimReported(DateTimeOffset ReportedAt, string ReportedTo) : CaseEvent;

public enum ClaimOutcome
{
    CitizenshipConfirmed,
    NotSubstantiated,
}

/// <summary>An ICE officer resolved the claim; a confirmed citizen's case ends, an unsubstantiated claim lets screening go on.</summary>
public sealed record CitizenshipClaimResolved(DateTimeOffset ResolvedAt, ClaimOutcome Outcome) : CaseEvent;

public enum Determination
{
    Removable,
    NotRemovable,
    CitizenshipClaimed,
    InsufficientInformation,
}

/// <summary>
/// The officer's determination (JEM step J4), with the country of citizenship (ISO 3166-1 alpha-2) and the
/// immigration status found; either is null when not recorded (events of schema version 1 carry neither).
/// </summary>
public sealed record DeterminationRecorded(
    DateTimeOffset DeterminedAt, Determination Outcome, string? CitizenshipCountry = null, ImmigrationStatus? ImmigrationStatus = null) : CaseEvent;
