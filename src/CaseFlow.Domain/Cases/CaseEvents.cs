namespace CaseFlow.Domain.Cases;

/// <summary>
/// A jail booked a person and referred the booking to 287(g) processing under the named model. The person's
/// identifiers are in the subject vault under <paramref name="SubjectRef"/>, never here.
/// </summary>
public sealed record BookingRecorded(
    Guid CaseId,
    string Ori,
    ProgramModel Model,
    string BookingNumber,
    DateTimeOffset BookedAt,
    IReadOnlyList<Charge> Charges,
    DateTimeOffset? ScheduledRelease,
    Guid SubjectRef,
    Guid AgreementId,
    string FieldOfficeCode,
    string TimeZone) : CaseEvent;

/// <summary>The jail set or moved the date the person is due to be released from its custody.</summary>
public sealed record ScheduledReleaseSet(DateTimeOffset At, string? Reason = null) : CaseEvent;

/// <summary>The charges changed (added, dropped, reduced); the list replaces the earlier one.</summary>
public sealed record ChargesAmended(IReadOnlyList<Charge> Charges, string Reason) : CaseEvent;
