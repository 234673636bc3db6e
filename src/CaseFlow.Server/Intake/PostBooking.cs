using System.Security.Claims;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Subjects;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CaseFlow.Server.Intake;

public static class PostBookingEndpoint
{
    public const string EventType = nameof(BookingRecorded);

    /// <summary>
    /// A jail refers a booking to 287(g) processing: the case starts. The case id is UUIDv5 over ORI and booking
    /// number, so the same booking is always the same case: 201 the first time, the original answer after.
    /// </summary>
    [WolverinePost("/api/bookings", Name = "PostBooking")]
    [Authorize(Policy = Policies.WriteIntake)]
    [ProducesResponseType<AppendResult>(201)]
    [ProducesResponseType<AppendResult>(200)]
    [ProducesResponseType(409)]
    [ProducesResponseType(422)]
    public static async Task<IResult> Post(
        EventEnvelope<BookingData>? envelope, ClaimsPrincipal user, IntakeServices intake, IMessageContext context, HttpResponse response, CancellationToken ct)
    {
        var (_, answer) = await Record(envelope ?? new(), CallerScope.From(user), intake, context, ct);
        return answer.ToResult(response, WriteTarget.Case);
    }

    /// <summary>Records one booking through the append path; the case id is known once the booking number was read.</summary>
    public static async Task<(Guid? CaseId, IntakeAnswer Answer)> Record(
        EventEnvelope<BookingData> envelope, CallerScope caller, IntakeServices intake, IMessageContext context, CancellationToken ct)
    {
        var now = intake.Clock.GetUtcNow();
        var errors = new FieldErrors();
        var (eventId, occurredAt, late, officerId) = envelope.Read(errors, now, intake.Options.LateWindow);
        if (envelope.Type is not null and not EventType)
            errors.Add("type", $"type must be {EventType} (or left out) on /api/bookings.");
        var (facts, subject) = envelope.Data is { } data ? BookingValidation.Read(data, errors, now) : (null, null);
        if (errors.Count > 0)
            return (null, IntakeAnswer.Rejected(errors.ToProblem()));
        if (caller.OfficerRefusal(officerId) is { } notYours)
            return (null, IntakeAnswer.Rejected(notYours));

        officerId = caller.ActingOfficer(officerId);

        var caseId = CaseId.For(caller.Ori!, facts!.BookingNumber);
        var subjectRef = CaseId.SubjectRefFor(caseId);
        var fingerprint = IncomingEvent.FingerprintOf(caseId, EventType, occurredAt, late, officerId, IncomingEvent.ToNode(facts, intake.Json));
        var incoming = new IncomingEvent(eventId, EventType, occurredAt, late, officerId, fingerprint);
        var vaulted = intake.Vault.Lock(subjectRef, caseId, caller.Ori!, subject!);

        var outcome = await intake.Writer.Write(
            new WriteRequest<CaseFile>(caseId, incoming, caller, batch =>
            {
                var agreementLoad = batch.Load<Agreement>(AgreementId.For(caller.Ori!, facts.Model));
                return _ =>
                {
                    var agreement = agreementLoad.Result;
                    var booking = new BookingRecorded(caseId, caller.Ori!, facts.Model, facts.BookingNumber, facts.BookedAt, facts.Charges,
                        facts.ScheduledRelease, subjectRef, agreement?.Id ?? Guid.Empty, agreement?.FieldOfficeCode ?? "", agreement?.TimeZone ?? "");
                    return CaseRules.CheckBooking(booking, agreement, occurredAt, now) is { } refusal
                        ? Decision.Refuse(refusal)
                        : Decision.Accept(booking);
                };
            })
            {
                StartsStream = true,
                CanSee = caller.CanSee,
                AlongWith = session => session.Store(vaulted),
                SameSideRecords = async (session, token) =>
                    await session.LoadAsync<VaultedSubject>(subjectRef, token) is { } stored && intake.Vault.Holds(stored, subject!),
            },
            context,
            ct);
        return (caseId, IntakeAnswer.Of(outcome));
    }
}
