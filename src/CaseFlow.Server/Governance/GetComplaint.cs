using System.Security.Claims;
using CaseFlow.Domain.Complaints;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Governance;

/// <summary>A complaint, its deadlines and whether each was (or, still open now, is being) missed.</summary>
public sealed record ComplaintDetails(Complaint Complaint, DateTimeOffset AsOf, bool NotificationLate, bool OutcomeReportLate, IReadOnlyList<HistoryEvent> History);

public static class GetComplaintEndpoint
{
    /// <summary>
    /// A complaint against an officer with its derived deadlines (ICE notified within 48 weekday hours, the outcome
    /// reported) and whether each was missed. Agencies see their own, supervisors their field office's.
    /// </summary>
    [WolverineGet("/api/complaints/{complaintId}", Name = "GetComplaint")]
    [Authorize(Policy = Policies.ReadComplaints)]
    [ProducesResponseType<ComplaintDetails>(200)]
    [ProducesResponseType(404)]
    public static async Task<IResult> Get(
        Guid complaintId, ClaimsPrincipal user, IQuerySession session, StoredEventRows rows, TimeProvider clock, CancellationToken ct)
    {
        var complaint = await session.LoadAsync<Complaint>(complaintId, ct);
        if (complaint is null || !CallerScope.From(user).CanSee(complaint))
            return Problems.NotFound("complaint");

        var now = clock.GetUtcNow();
        return Results.Ok(new ComplaintDetails(complaint, now, complaint.NotificationLate(now), complaint.OutcomeReportLate(now), await History.Of(rows, complaintId, ct)));
    }
}
