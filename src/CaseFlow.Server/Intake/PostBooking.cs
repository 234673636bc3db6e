using System.Security.Claims;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Subjects;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
        EventEnvelope<BookingData>? envelope, ClaimsPrincipal user, IntakeServices intake, HttpResponse response, CancellationToken ct) =>
        (await Prepare(envelope ?? new(), CallerScope.From(user), intake).Write(intake, ct)).ToResult(response, WriteTarget.Case);

    /// <summary>A booking planned for the append path: its case is known once the booking number was read.</summary>
    public static PreparedWrite Prepare(EventEnvelope<BookingData> envelope, CallerScope caller, IntakeServices intake) =>
        StreamStarts.Prepare(envelope, EventType, caller, intake, (data, errors, now) =>
        {
            if (envelope.Type is not null and not EventType)
                errors.Add("type", $"type must be {EventType} (or left out) on /api/bookings.");
            if (data is null || BookingValidation.Read(data, errors, now) is not ({ } facts, { } subject) || errors.Count > 0)
                return null;
            var caseId = CaseId.For(caller.Ori!, facts.BookingNumber);
            return new StreamStarts.Start(caseId, facts, incoming => new BookingWrite(caseId, incoming, caller, facts, subject, intake, now) { StartsStream = true });
        });

    /// <summary>The booking's rule reads the agency's agreement; the subject record is stored in the same transaction, sealed by the vault.</summary>
    private sealed class BookingWrite(Guid caseId, IncomingEvent incoming, CallerScope caller, BookingFacts facts, SubjectIdentifiers subject, IntakeServices intake, DateTimeOffset now)
        : WritePlan<CaseFile>(caseId, incoming, caller)
    {
        private readonly Guid _subjectRef = CaseId.SubjectRefFor(caseId);
        private Task<Agreement?> _agreement = Task.FromResult<Agreement?>(null);

        public override bool CanSee(CaseFile state) => Caller.CanSee(state);

        public override void Prefetch(GroupReads reads) => _agreement = reads.Load<Agreement>(AgreementId.For(Caller.Ori!, facts.Model));

        public override Decision Decide(CaseFile? state)
        {
            var agreement = _agreement.Result;
            var booking = new BookingRecorded(StreamId, Caller.Ori!, facts.Model, facts.BookingNumber, facts.BookedAt, facts.Charges,
                facts.ScheduledRelease, _subjectRef, agreement?.Id ?? Guid.Empty, agreement?.FieldOfficeCode ?? "", agreement?.TimeZone ?? "");
            return Decision.Judge(booking, CaseRules.CheckBooking(booking, agreement, Event.OccurredAt, now));
        }

        public override void AlongWith(IDocumentSession session) => session.Store(intake.Vault.Lock(_subjectRef, StreamId, Caller.Ori!, subject));

        public override async Task<bool> SameSideRecords(IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<VaultedSubject>(_subjectRef, ct) is { } stored && intake.Vault.Holds(stored, subject);
    }
}
