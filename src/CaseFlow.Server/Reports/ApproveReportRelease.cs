using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CaseFlow.Domain.Reports;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Reports;

/// <summary>An admin's approval of a proposal, with the references of the Public Affairs and Privacy Office approvals.</summary>
public sealed record ReleaseApprovalRequest(
    string? ProposalId = null,
    [property: MaxLength(FieldErrors.MaxReferenceLength)] string? PublicAffairsReference = null,
    [property: MaxLength(FieldErrors.MaxReferenceLength)] string? PrivacyOfficeReference = null);

public static class ApproveReportReleaseEndpoint
{
    /// <summary>
    /// An admin other than the proposer approves the month's latest proposal: the proposed bytes become the month's
    /// next release version, stored with the approval event in one transaction and answered unchanged ever after.
    /// The proposer is refused (403 <c>report-approver-is-proposer</c>); a proposal approved already, or replaced by a
    /// later one, is 409; of two approvals at once one wins and the other is 409. The same approval sent again
    /// answers as the first time. The public variant is made after the answer, one release at a time program-wide;
    /// until it is stored, <c>released?variant=public</c> answers 503 <c>public-variant-pending</c> with Retry-After.
    /// </summary>
    [WolverinePost("/api/reports/monthly/{month}/approvals", Name = "ApproveReportRelease")]
    [Authorize(Policy = Policies.ApproveReportReleases)]
    [ProducesResponseType<ReportReleaseAnswer>(200)]
    [ProducesResponseType(404)]
    [ProducesResponseType(409)]
    public static async Task<IResult> Post(
        [ReadAs<Statistics.MonthParameter>] string month, ReleaseApprovalRequest? request, ClaimsPrincipal user, IQuerySession session, IntakeServices intake,
        HttpResponse response, CancellationToken ct)
    {
        request ??= new ReleaseApprovalRequest();
        var errors = new FieldErrors();
        var parsed = ReportReleaseWrites.Month(month, errors);
        if (!Guid.TryParse(request.ProposalId, out var proposalId) || proposalId == Guid.Empty)
            errors.Add("proposalId", "proposalId must be the id of the month's release proposal.");
        var publicAffairs = errors.Reference("publicAffairsReference", request.PublicAffairsReference, "the ICE Office of Public Affairs approval's reference number");
        var privacyOffice = errors.Reference("privacyOfficeReference", request.PrivacyOfficeReference, "the ICE Privacy Office approval's reference number");
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        var name = Domain.Statistics.StatisticsCalendar.Name(parsed!.Value);
        var stream = ReportRelease.StreamOf(name);
        var proposal = await session.Events.LoadAsync<ReportReleaseProposed>(proposalId, ct);
        if (proposal is null || proposal.StreamId != stream)
            return Problems.NotFound("report-proposal");

        // Who proposed never changes once recorded (the envelope's client), so it is judged before the lock.
        var caller = CallerScope.From(user);
        if (ReportReleaseRules.CheckApprover(proposal.GetHeader(EventHeaders.Client)?.ToString() ?? "", caller.Subject) is { } same)
            return WriteResults.Refused(StatusCodes.Status403Forbidden, same);

        var now = intake.Clock.GetUtcNow();
        var incoming = ReportReleaseWrites.Incoming(ReportRelease.ApprovalEventId(proposalId), stream, nameof(ReportReleaseApproved),
            new { request.ProposalId, publicAffairs, privacyOffice, approver = caller.Subject }, now, intake.Json);
        var approval = new ApprovalWrite(stream, incoming, caller, proposalId, publicAffairs!, privacyOffice!, proposal.Data, now);
        var outcome = await intake.Writer.Write(approval, ct);
        var version = approval.Approved?.Version ?? (await session.Events.LoadAsync<ReportReleaseApproved>(incoming.EventId, ct))?.Data.Version;
        return ReportReleaseWrites.Answer(outcome, name, proposalId, proposal.Data.Sha256, version, StatusCodes.Status200OK, response);
    }

    /// <summary>
    /// The month's latest proposal becomes its next release version, stored with the approval; the public variant is
    /// scheduled in the same transaction.
    /// </summary>
    private sealed class ApprovalWrite(
        Guid stream, IncomingEvent incoming, CallerScope caller, Guid proposalId, string publicAffairs, string privacyOffice, ReportReleaseProposed proposed,
        DateTimeOffset now)
        : WritePlan<ReportRelease>(stream, incoming, caller)
    {
        public ReportReleaseApproved? Approved { get; private set; }

        public override Decision Decide(ReportRelease? state)
        {
            if (ReportReleaseRules.CheckApproval(state, proposalId) is { } refusal)
                return Decision.Refuse(refusal);
            Approved = ReportReleaseRules.Approve(state!, state!.Proposals[^1], publicAffairs, privacyOffice);
            return Decision.Accept(Approved);
        }

        public override void AlongWith(IDocumentSession session) => session.Store(Released(Approved!, proposed, now));

        public override ScheduledMessage? Schedule(Guid eventId, object data) =>
            data is ReportReleaseApproved release ? new ScheduledMessage(new PublicVariantDue(release.Month, release.Version), now) : null;
    }

    /// <summary>The release as stored; its public variant follows (<see cref="PublicVariantDue"/>).</summary>
    private static ReleasedReport Released(ReportReleaseApproved approved, ReportReleaseProposed proposed, DateTimeOffset now) =>
        new()
        {
            Id = ReleasedReport.IdOf(approved.Month, approved.Version),
            Month = approved.Month,
            Version = approved.Version,
            Sha256 = approved.Sha256,
            Document = proposed.Document,
            ProposalId = approved.ProposalId,
            ApprovedAt = now,
            PublicAffairsReference = approved.PublicAffairsReference,
            PrivacyOfficeReference = approved.PrivacyOfficeReference,
        };
}
