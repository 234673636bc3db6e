using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten.Services.BatchQuerying;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CaseFlow.Server.Governance;

/// <summary>
/// The agency learned of a complaint against one of its officers (named by badge number). Agency systems and
/// officers record it for their own ORI; an admin names the agency in <c>ori</c>.
/// </summary>
public sealed record ComplaintReport(
    [property: MaxLength(ReceiveComplaintEndpoint.MaxReferenceLength)] string ComplaintNumber,
    [property: MaxLength(ReceiveComplaintEndpoint.MaxReferenceLength)] string AgainstBadgeNumber,
    DateTimeOffset LearnedAt, string? Ori = null);

public static partial class ReceiveComplaintEndpoint
{
    public static readonly WriteTarget Target = new("complaint", "/api/complaints/", "complaint-already-recorded",
        "This complaint number was recorded with other content; record later steps as complaint events.");

    /// <summary>
    /// An agency records a complaint against one of its officers: 201 with the complaint's id (UUIDv5 over ORI and
    /// complaint number), the original answer when sent again.
    /// </summary>
    [WolverinePost("/api/complaints", Name = "ReceiveComplaint")]
    [Authorize(Policy = Policies.RecordComplaints)]
    [ProducesResponseType<AppendResult>(201)]
    [ProducesResponseType<AppendResult>(200)]
    [ProducesResponseType(409)]
    [ProducesResponseType(422)]
    public static async Task<IResult> Post(
        EventEnvelope<ComplaintReport>? envelope, ClaimsPrincipal user, IntakeServices intake, IMessageContext context, HttpResponse response, CancellationToken ct)
    {
        envelope ??= new(); // a body of JSON null reads as null: judged as an empty envelope
        var caller = CallerScope.From(user);
        var now = intake.Clock.GetUtcNow();
        var errors = new FieldErrors();
        var (eventId, occurredAt, late, officerId) = envelope.Read(errors, now, intake.Options.LateWindow);
        var report = envelope.Data;
        var ori = caller.AgencyFor(report?.Ori, errors);
        if (report is not null)
            Validate(report, now, errors);
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());
        if (caller.OfficerRefusal(officerId) is { } notYours)
            return Results.Problem(notYours);

        officerId = caller.ActingOfficer(officerId);

        var id = ComplaintId.For(ori!, report!.ComplaintNumber);
        var fingerprint = IncomingEvent.FingerprintOf(id, nameof(ComplaintReceived), occurredAt, late, officerId, IncomingEvent.ToNode(report with { Ori = ori }, intake.Json));
        var incoming = new IncomingEvent(eventId, nameof(ComplaintReceived), occurredAt, late, officerId, fingerprint);
        var outcome = await intake.Writer.Write(
            new WriteRequest<Complaint>(id, incoming, caller, batch => Decide(batch, id, ori!, report)) { StartsStream = true },
            context,
            ct);
        return outcome.ToResult(response, Target);
    }

    private static Func<Complaint?, Decision> Decide(IBatchedQuery batch, Guid id, string ori, ComplaintReport report)
    {
        var officerId = OfficerId.For(ori, report.AgainstBadgeNumber);
        var officer = batch.Load<Officer>(officerId);
        var agreements = Enum.GetValues<ProgramModel>().Select(m => batch.Load<Agreement>(AgreementId.For(ori, m))).ToList();
        return _ => officer.Result is not { } against
            ? Decision.Refuse(new Refusal("unknown-officer", "No such officer at the agency",
                $"Agency {ori} has nominated no officer with this badge number; complaints name a designated officer."))
            : Decision.Accept(new ComplaintReceived(id, ori, report.ComplaintNumber, officerId, report.LearnedAt,
                agreements.Select(a => a.Result).OfType<Agreement>().First().TimeZone, against.FieldOfficeCode));
    }

    /// <summary>The form and longest length of the numbers a complaint names (also the OpenAPI document's).</summary>
    public const string ReferencePattern = "^[A-Za-z0-9_./-]+$";
    public const int MaxReferenceLength = 40;

    private static void Validate(ComplaintReport report, DateTimeOffset now, FieldErrors errors)
    {
        if (!IsReference(report.ComplaintNumber))
            errors.Add("data.complaintNumber", $"data.complaintNumber must be 1 to {MaxReferenceLength} letters, digits and - _ / .");
        if (!IsReference(report.AgainstBadgeNumber))
            errors.Add("data.againstBadgeNumber", "data.againstBadgeNumber must be the officer's badge number.");
        if (report.LearnedAt > now)
            errors.Add("data.learnedAt", "data.learnedAt is in the future.");
    }

    private static bool IsReference(string text) => text.Length <= MaxReferenceLength && ReferenceForm().IsMatch(text);

    [GeneratedRegex(ReferencePattern)]
    private static partial Regex ReferenceForm();
}
