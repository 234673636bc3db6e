using System.Text.Json.Serialization;
using CaseFlow.Domain.Subjects;

namespace CaseFlow.Domain.Cases;

/// <summary>
/// Every event of a case's stream. The case keeps the events it was built from (its facts), so voiding one folds
/// the case again without it; the discriminator names each type by its class name, as the store does.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(BookingRecorded), nameof(BookingRecorded))]
[JsonDerivedType(typeof(ScheduledReleaseSet), nameof(ScheduledReleaseSet))]
[JsonDerivedType(typeof(ChargesAmended), nameof(ChargesAmended))]
[JsonDerivedType(typeof(ScreeningOpened), nameof(ScreeningOpened))]
[JsonDerivedType(typeof(RecordsCheckCompleted), nameof(RecordsCheckCompleted))]
[JsonDerivedType(typeof(InterviewConducted), nameof(InterviewConducted))]
[JsonDerivedType(typeof(CitizenshipClaimAsserted), nameof(CitizenshipClaimAsserted))]
[JsonDerivedType(typeof(CitizenshipClaimReported), nameof(CitizenshipClaimReported))]
[JsonDerivedType(typeof(CitizenshipClaimResolved), nameof(CitizenshipClaimResolved))]
[JsonDerivedType(typeof(DeterminationRecorded), nameof(DeterminationRecorded))]
[JsonDerivedType(typeof(DetainerPrepared), nameof(DetainerPrepared))]
[JsonDerivedType(typeof(DetainerApproved), nameof(DetainerApproved))]
[JsonDerivedType(typeof(DetainerReturned), nameof(DetainerReturned))]
[JsonDerivedType(typeof(DetainerLodged), nameof(DetainerLodged))]
[JsonDerivedType(typeof(DetainerServedOnSubject), nameof(DetainerServedOnSubject))]
[JsonDerivedType(typeof(IceNotifiedOfDetainer), nameof(IceNotifiedOfDetainer))]
[JsonDerivedType(typeof(DetainerLifted), nameof(DetainerLifted))]
[JsonDerivedType(typeof(I213Prepared), nameof(I213Prepared))]
[JsonDerivedType(typeof(ChargingDocumentPrepared), nameof(ChargingDocumentPrepared))]
[JsonDerivedType(typeof(SubmittedForReview), nameof(SubmittedForReview))]
[JsonDerivedType(typeof(ReviewReturnedForCorrection), nameof(ReviewReturnedForCorrection))]
[JsonDerivedType(typeof(ReviewApproved), nameof(ReviewApproved))]
[JsonDerivedType(typeof(ReviewClaimed), nameof(ReviewClaimed))]
[JsonDerivedType(typeof(ChargingDocumentServed), nameof(ChargingDocumentServed))]
[JsonDerivedType(typeof(ReleaseEligible), nameof(ReleaseEligible))]
[JsonDerivedType(typeof(HoldStarted), nameof(HoldStarted))]
[JsonDerivedType(typeof(WarrantServed), nameof(WarrantServed))]
[JsonDerivedType(typeof(CustodyTransferredToIce), nameof(CustodyTransferredToIce))]
[JsonDerivedType(typeof(ReleasedFromLocalCustody), nameof(ReleasedFromLocalCustody))]
[JsonDerivedType(typeof(CaseClosed), nameof(CaseClosed))]
[JsonDerivedType(typeof(EventVoided), nameof(EventVoided))]
[JsonDerivedType(typeof(TransferredToAgency), nameof(TransferredToAgency))]
[JsonDerivedType(typeof(WarrantReceivedFromIce), nameof(WarrantReceivedFromIce))]
[JsonDerivedType(typeof(IceNotifiedOfService), nameof(IceNotifiedOfService))]
[JsonDerivedType(typeof(HoldExpired), nameof(HoldExpired))]
[JsonDerivedType(typeof(HoldWithdrawn), nameof(HoldWithdrawn))]
[JsonDerivedType(typeof(ReleaseNotificationRequested), nameof(ReleaseNotificationRequested))]
[JsonDerivedType(typeof(SubjectOrderProposed), nameof(SubjectOrderProposed))]
[JsonDerivedType(typeof(SubjectSealed), nameof(SubjectSealed))]
[JsonDerivedType(typeof(SubjectErased), nameof(SubjectErased))]
public abstract record CaseEvent;

/// <summary>Who posted an event: the token's subject and, where an officer acted, the officer's badge number.</summary>
public sealed record Actor(string Subject, string? OfficerBadge);
