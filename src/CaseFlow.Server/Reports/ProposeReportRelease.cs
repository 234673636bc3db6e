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

/// <summary>An analyst's proposal to release a month's report; <c>eventId</c> (the client's, for retries) becomes the proposal id.</summary>
public sealed record ReleaseProposalRequest(string? EventId = null);

public static class ProposeReportReleaseEndpoint
{
    /// <summary>
    /// An analyst proposes releasing the month's report as it stands now: the draft is frozen in the proposal event
    /// (its canonical JSON and SHA-256), and nothing is released until an admin other than the proposer approves it.
    /// 202 with the proposal id and the hash. A month is proposed once it has ended everywhere (12:00 UTC on the 1st).
    /// </summary>
    [WolverinePost("/api/reports/monthly/{month}/release-proposals", Name = "ProposeReportRelease")]
    [Authorize(Policy = Policies.ProposeReportReleases)]
    [ProducesResponseType<ReportReleaseAnswer>(202)]
    [ProducesResponseType(409)]
    [ProducesResponseType(422)]
    public static async Task<IResult> Post(
        [ReadAs<Statistics.MonthParameter>] string month, ReleaseProposalRequest? request, ClaimsPrincipal user, IQuerySession session, MonthlyReports reports, IntakeServices intake,
        HttpResponse response, CancellationToken ct)
    {
        // A body of JSON null reads as null: it is judged as an empty request.
        request ??= new ReleaseProposalRequest();
        var errors = new FieldErrors();
        var parsed = ReportReleaseWrites.Month(month, errors);
        if (!Guid.TryParse(request.EventId, out var proposalId) || proposalId == Guid.Empty)
            errors.Add("eventId", "eventId must be a UUID you keep for retries.");
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        var now = intake.Clock.GetUtcNow();
        if (ReportReleaseRules.CheckMonthOver(parsed!.Value, now) is { } early)
            return WriteResults.Refused(StatusCodes.Status422UnprocessableEntity, early);

        var name = Domain.Statistics.StatisticsCalendar.Name(parsed.Value);
        var stream = ReportRelease.StreamOf(name);
        var document = ReportDocument.Of(await reports.Draft(parsed.Value, null, session, ct));
        var proposed = new ReportReleaseProposed(proposalId, name, document.Sha256, document.Json);
        var incoming = ReportReleaseWrites.Incoming(proposalId, stream, nameof(ReportReleaseProposed), new { month = name }, now, intake.Json);
        var outcome = await intake.Writer.Write(
            new ProposalWrite(stream, incoming, CallerScope.From(user), proposed) { StartsStream = await session.Events.FetchStreamStateAsync(stream, ct) is null },
            ct);
        var stored = outcome is WriteOutcome.Replayed ? (await session.Events.LoadAsync<ReportReleaseProposed>(proposalId, ct))?.Data.Sha256 : null;
        return ReportReleaseWrites.Answer(outcome, name, proposalId, stored ?? document.Sha256, null, StatusCodes.Status202Accepted, response);
    }

    /// <summary>A proposal is accepted as frozen; the first of a month starts its release stream.</summary>
    private sealed class ProposalWrite(Guid stream, IncomingEvent incoming, CallerScope caller, ReportReleaseProposed proposed)
        : WritePlan<ReportRelease>(stream, incoming, caller)
    {
        public override Decision Decide(ReportRelease? state) => Decision.Accept(proposed);
    }
}
