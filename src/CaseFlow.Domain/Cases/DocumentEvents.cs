namespace CaseFlow.Domain.Cases;

/// <summary>The officer prepared the I-213 (Record of Deportable/Inadmissible Alien).</summary>
public sealed record I213Prepared(DateTimeOffset PreparedAt, string DocumentRef, Actor? PreparedBy = null) : CaseEvent;

public enum ChargingDocumentType
{
    NoticeToAppear,
    ExpeditedRemoval,
    AdministrativeRemoval,
    Reinstatement,
    VoluntaryReturn,
    VoluntaryDeparture,
}

/// <summary>The officer prepared a charging document for an ICE officer's signature, with its charges (INA sections).</summary>
public sealed record ChargingDocumentPrepared(
    DateTimeOffset PreparedAt, ChargingDocumentType DocumentType, IReadOnlyList<string> Charges, Actor? PreparedBy = null) : CaseEvent;

public enum ReviewItem
{
    I213,
    ChargingDocument,
    SwornStatement,
}

/// <summary>The package went to ICE supervisory review.</summary>
public sealed record SubmittedForReview(DateTimeOffset SubmittedAt, IReadOnlyList<ReviewItem> Items, Actor? SubmittedBy = null) : CaseEvent;

/// <summary>The reviewer returned the package for correction.</summary>
public sealed record ReviewReturnedForCorrection(DateTimeOffset ReturnedAt, IReadOnlyList<ReviewItem> Items, string Comments, Actor? ReviewedBy = null) : CaseEvent;

/// <summary>The reviewer approved and signed.</summary>
public sealed record ReviewApproved(DateTimeOffset SignedAt, Actor? ReviewedBy = null) : CaseEvent;

/// <summary>The approved charging document was served on the person.</summary>
public sealed record ChargingDocumentServed(DateTimeOffset ServedAt) : CaseEvent;
