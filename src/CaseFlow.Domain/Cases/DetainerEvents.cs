using System.Text.Json.Serialization;

namespace CaseFlow.Domain.Cases;

/// <summary>The probable-cause boxes of Form I-247A, box 1.</summary>
public enum ProbableCauseBasis
{
    /// <summary>(a) a final order of removal.</summary>
    FinalOrderOfRemoval,

    /// <summary>(b) removal proceedings are pending.</summary>
    ProceedingsPending,

    /// <summary>(c) biometric confirmation of identity plus records checks showing no status or removability.</summary>
    BiometricAndRecords,

    /// <summary>(d) statements to an immigration officer and/or other reliable evidence.</summary>
    StatementsOrEvidence,
}

public enum WarrantType
{
    [JsonStringEnumMemberName("I-200")]
    I200,

    [JsonStringEnumMemberName("I-205")]
    I205,
}

/// <summary>
/// The officer prepared a detainer (Form I-247A) with its probable-cause bases and the warrant (I-200 or I-205) it
/// rests on. <paramref name="PreparedBy"/> is stamped by CaseFlow from the token, whatever the client sent.
/// </summary>
public sealed record DetainerPrepared(
    DateTimeOffset PreparedAt, IReadOnlyList<ProbableCauseBasis> Bases, WarrantType WarrantType, Actor? PreparedBy = null) : CaseEvent;

/// <summary>An ICE supervisor approved the detainer and its warrant.</summary>
public sealed record DetainerApproved(DateTimeOffset ApprovedAt, Actor? ApprovedBy = null) : CaseEvent;

/// <summary>An ICE supervisor returned the detainer for correction.</summary>
public sealed record DetainerReturned(DateTimeOffset ReturnedAt, string Comments, Actor? ReturnedBy = null) : CaseEvent;

/// <summary>The approved detainer was lodged with the jail.</summary>
public sealed record DetainerLodged(DateTimeOffset LodgedAt) : CaseEvent;

/// <summary>The detainer was served on the person: only now does it take effect.</summary>
public sealed record DetainerServedOnSubject(DateTimeOffset ServedAt, string Method) : CaseEvent;

/// <summary>ICE was told of the detainer (due about 24 hours after it was issued).</summary>
public sealed record IceNotifiedOfDetainer(DateTimeOffset NotifiedAt) : CaseEvent;

/// <summary>ICE's detainer lift reasons (Deportation Data Project data dictionary).</summary>
public enum LiftReason
{
    BookedIntoDetention,
    DeclinedByLea,
    CaseClosed,
    Duplicate,
    EarlyRelease,
    IceResourceConstraint,
    InsufficientNotice,
    NoLongerInCustody,
    NotAmenableToRemoval,
    ProsecutorialDiscretion,
    Superseded,
    CitizenshipClaim,
}

/// <summary>ICE lifted the detainer.</summary>
public sealed record DetainerLifted(DateTimeOffset LiftedAt, LiftReason Reason) : CaseEvent;
