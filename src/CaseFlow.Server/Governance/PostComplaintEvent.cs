using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using System.Text.Json.Nodes;
using CaseFlow.Domain;
using CaseFlow.Domain.Complaints;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using FromHeaderAttribute = Microsoft.AspNetCore.Mvc.FromHeaderAttribute;

namespace CaseFlow.Server.Governance;

public static class PostComplaintEventEndpoint
{
    private static readonly IReadOnlyList<string> Agency = [Roles.ScreeningSystem, Roles.Officer, Roles.Admin];

    /// <summary>A complaint's later steps, recorded by the agency (MOA Appendix B).</summary>
    public static readonly IReadOnlyDictionary<string, EventKind> Kinds = new Dictionary<string, EventKind>
    {
        [nameof(IceNotifiedOfComplaint)] = EventKind.Of<IceNotifiedOfComplaint>(Agency),
        [nameof(ComplaintResolved)] = EventKind.Of<ComplaintResolved>(Agency),
        [nameof(ComplaintOutcomeReported)] = EventKind.Of<ComplaintOutcomeReported>(Agency),
    };

    /// <summary>
    /// Records a complaint's later steps: ICE notified, resolved, outcome reported. The agency's own systems and
    /// officers, and admins.
    /// </summary>
    [WolverinePost("/api/complaints/{complaintId}/events", Name = "PostComplaintEvent")]
    [Authorize(Policy = Policies.RecordComplaints)]
    [ProducesResponseType<AppendResult>(200)]
    [ProducesResponseType(404)]
    [ProducesResponseType(409)]
    [ProducesResponseType(412)]
    [ProducesResponseType(422)]
    public static async Task<IResult> Post(
        Guid complaintId, EventEnvelope<JsonObject>? envelope, [FromHeader(Name = "If-Match"), ReadAs<IfMatch>] string? ifMatch, ClaimsPrincipal user,
        IntakeServices intake, HttpResponse response, CancellationToken ct) =>
        (await StreamEvents.Append(complaintId, envelope ?? new(), ifMatch, user, Kinds, new ComplaintEventRules(), intake, ct))
            .ToResult(response, ReceiveComplaintEndpoint.Target);

    private sealed class ComplaintEventRules : StreamRules<Complaint>
    {
        public override bool CanSee(CallerScope caller, Complaint state) => caller.CanSee(state);

        public override Refusal? Check(Complaint state, object e) => ComplaintRules.Check(state, e);
    }
}
