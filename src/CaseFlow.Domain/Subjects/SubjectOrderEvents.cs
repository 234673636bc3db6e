using CaseFlow.Domain.Cases;

namespace CaseFlow.Domain.Subjects;

public enum SubjectAction
{
    Seal,
    Erase,
}

/// <summary>Why a subject is sealed or erased: a court's sealing or expungement order, or the retention schedule.</summary>
public enum LegalBasis
{
    SealingOrder,
    ExpungementOrder,
    RetentionSchedule,
}

/// <summary>Whether the subject's identifiers may be read: sealed ones by auditors only, erased ones by nobody.</summary>
public enum SubjectState
{
    Active,
    Sealed,
    Erased,
}

/// <summary>
/// An admin proposed to seal or erase the case's subject. Nothing happens until a different admin approves it.
/// <paramref name="ProposedBy"/> is the admin's token subject; the order reference names a court docket or a
/// retention schedule entry, never the person.
/// </summary>
public sealed record SubjectOrderProposed(Guid OrderId, Guid SubjectRef, SubjectAction Action, LegalBasis LegalBasis, string OrderReference, string ProposedBy)
    : CaseEvent;

/// <summary>A second admin approved a sealing order: the identifiers are withheld from everyone but auditors.</summary>
public sealed record SubjectSealed(
    Guid OrderId, Guid SubjectRef, SubjectAction Action, LegalBasis LegalBasis, string OrderReference, string ProposedBy, string ApprovedBy) : CaseEvent;

/// <summary>A second admin approved an erasure: the subject's data key, ciphertext and search tags were destroyed with this event.</summary>
public sealed record SubjectErased(
    Guid OrderId, Guid SubjectRef, SubjectAction Action, LegalBasis LegalBasis, string OrderReference, string ProposedBy, string ApprovedBy) : CaseEvent;

/// <summary>One order about the case's subject, as the case keeps it: proposed, and approved once carried out.</summary>
public sealed record SubjectOrder(Guid OrderId, SubjectAction Action, LegalBasis LegalBasis, string OrderReference, string ProposedBy, string? ApprovedBy = null);
