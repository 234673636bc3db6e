using CaseFlow.Domain.Reports;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Reports;

/// <summary>A month's release proposal awaiting approval: who proposed it (their token subject), when, and the frozen draft's hash.</summary>
public sealed record PendingReportProposal(string Month, Guid ProposalId, string ProposedBy, DateTimeOffset ProposedAt, string Sha256);

public static class GetPendingReportProposalEndpoint
{
    /// <summary>
    /// The month's latest release proposal while no admin has approved it (what an approver is asked to approve), for
    /// auditors, analysts and admins; 404 <c>report-proposal-not-found</c> when the month has none waiting.
    /// </summary>
    [WolverineGet("/api/reports/monthly/{month}/release-proposals/pending", Name = "GetPendingReportProposal")]
    [Authorize(Policy = Policies.ReadReportDrafts)]
    [ProducesResponseType<PendingReportProposal>(200)]
    [ProducesResponseType(404)]
    public static async Task<IResult> Get([ReadAs<Statistics.MonthParameter>] string month, IQuerySession session, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (ReportReleaseWrites.Month(month, errors) is not { } parsed)
            return Results.Problem(errors.ToProblem());

        var name = Domain.Statistics.StatisticsCalendar.Name(parsed);
        if (await session.LoadAsync<ReportRelease>(ReportRelease.StreamOf(name), ct) is not { Proposals: [.., { ReleasedVersion: null } pending] }
            || await session.Events.LoadAsync<ReportReleaseProposed>(pending.ProposalId, ct) is not { } proposed)
            return Problems.NotFound("report-proposal");
        return Results.Ok(new PendingReportProposal(name, pending.ProposalId, proposed.GetHeader(EventHeaders.Client)?.ToString() ?? "", proposed.Timestamp, pending.Sha256));
    }
}
