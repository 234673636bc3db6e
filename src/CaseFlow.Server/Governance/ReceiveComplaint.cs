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
using CaseFlow.Server.Writing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
        EventEnvelope<ComplaintReport>? envelope, ClaimsPrincipal user, IntakeServices intake, HttpResponse response, CancellationToken ct)
    {
        var caller = CallerScope.From(user);
        // A body of JSON null reads as null: judged as an empty envelope.
        var prepared = StreamStarts.Prepare(envelope ?? new(), nameof(ComplaintReceived), caller, intake, (report, errors, now) =>
        {
            var ori = caller.AgencyFor(report?.Ori, errors);
            if (report is null)
                return null;
            Validate(report, now, errors);
            if (errors.Count > 0)
                return null;
            var id = ComplaintId.For(ori!, report.ComplaintNumber);
            return new StreamStarts.Start(id, report with { Ori = ori }, incoming => new ComplaintWrite(id, incoming, caller, ori!, report) { StartsStream = true });
        });
        return (await prepared.Write(intake, ct)).ToResult(response, Target);
    }

    /// <summary>A complaint names an officer the agency nominated; it takes the agency's time zone and the officer's field office.</summary>
    private sealed class ComplaintWrite(Guid id, IncomingEvent incoming, CallerScope caller, string ori, ComplaintReport report)
        : WritePlan<Complaint>(id, incoming, caller)
    {
        private readonly Guid _officerId = OfficerId.For(ori, report.AgainstBadgeNumber);
        private Task<Officer?> _officer = Task.FromResult<Officer?>(null);
        private IReadOnlyList<Task<Agreement?>> _agreements = [];

        public override void Prefetch(GroupReads reads)
        {
            _officer = reads.Load<Officer>(_officerId);
            _agreements = [.. Enum.GetValues<ProgramModel>().Select(m => reads.Load<Agreement>(AgreementId.For(ori, m)))];
        }

        public override Decision Decide(Complaint? state) => _officer.Result is not { } against
            ? Decision.Refuse(new Refusal("unknown-officer", "No such officer at the agency",
                $"Agency {ori} has nominated no officer with this badge number; complaints name a designated officer."))
            : Decision.Accept(new ComplaintReceived(StreamId, ori, report.ComplaintNumber, _officerId, report.LearnedAt,
                _agreements.Select(a => a.Result).OfType<Agreement>().First().TimeZone, against.FieldOfficeCode));
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
