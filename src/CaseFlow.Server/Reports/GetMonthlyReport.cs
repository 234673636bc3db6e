using CaseFlow.Domain.Reports;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Reports;

/// <summary>
/// The monthly 287(g) report (docs/reports.md): the draft as the events give it now, for analysts, auditors and admins;
/// each released version, byte for byte as approved, for everyone. JSON (canonical, RFC 8785), one CSV table
/// (<c>Accept: text/csv</c> and <c>table</c>), or a printable page (<c>Accept: text/html</c>, or <c>.html</c>).
/// </summary>
public static class GetMonthlyReportEndpoint
{
    /// <summary>The month's draft: computed now from the statistics, with the revisions of earlier released months.</summary>
    [WolverineGet("/api/reports/monthly/{month}", Name = "GetMonthlyReportDraft")]
    [Authorize(Policy = Policies.ReadReportDrafts)]
    [ProducesResponseType<MonthlyReport>(200, "application/json")]
    [AnswersReportForms]
    [RefusesQuery("version", "variant")]
    public static async Task<IResult> Draft(
        [ReadAs<Statistics.MonthOrPageParameter>] string month, [FromQuery] ReportQuery query, IQuerySession session, MonthlyReports reports, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (ReportRequest.Read(month, query, http.Request, released: false, errors) is not { } request)
            return Results.Problem(errors.ToProblem());
        var report = await reports.Draft(request.Month, request.Position, session, ct);
        return ReportAnswer.Of(request, ReportDocument.Of(report), null, http.Response);
    }

    /// <summary>
    /// A released version of the month (the latest unless <c>version</c> is given), answered from the stored document:
    /// the JSON is the approved bytes, whose SHA-256 is the ETag (If-None-Match answers 304).
    /// </summary>
    [WolverineGet("/api/reports/monthly/{month}/released", Name = "GetReleasedMonthlyReport")]
    [Authorize(Policy = Policies.ReadReleasedReports)]
    [ProducesResponseType<MonthlyReport>(200, "application/json")]
    [ProducesResponseType(304)]
    [ProducesResponseType(409)]
    [AnswersReportForms]
    [AnswersPublicVariant]
    [RefusesQuery("position")]
    public static Task<IResult> Released(
        [ReadAs<Statistics.MonthParameter>] string month, [FromQuery] ReportQuery query, IQuerySession session, KeptReleases releases, HttpContext http, CancellationToken ct) =>
        ReadRelease(month, query, session, releases, http, html: false, ct);

    /// <summary>A released version of the month as the printable page.</summary>
    [WolverineGet("/api/reports/monthly/{month}/released.html", Name = "GetReleasedMonthlyReportPage")]
    [Authorize(Policy = Policies.ReadReleasedReports)]
    [ProducesResponseType<string>(200, "text/html")]
    [ProducesResponseType(304)]
    [ProducesResponseType(409)]
    [RefusesQuery("position", "variant")]
    public static Task<IResult> ReleasedPage(
        [ReadAs<Statistics.MonthParameter>] string month, [FromQuery] ReportQuery query, IQuerySession session, KeptReleases releases, HttpContext http, CancellationToken ct) =>
        ReadRelease(month, query, session, releases, http, html: true, ct);

    private static async Task<IResult> ReadRelease(
        string month, ReportQuery query, IQuerySession session, KeptReleases releases, HttpContext http, bool html, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (ReportRequest.Read(month, query, http.Request, released: true, errors, html) is not { } request)
            return Results.Problem(errors.ToProblem());
        if (await releases.Find(session, Domain.Statistics.StatisticsCalendar.Name(request.Month), request.Version, ct) is not { } kept)
            return Problems.NotFound("report-release");
        var release = kept.Release;
        if (request.Public)
            return PublicVariant.Answer(release, http);
        var document = kept.Approved;
        if (http.Request.Headers.IfNoneMatch.Contains(document.ETag))
        {
            http.Response.Headers.ETag = document.ETag;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return ReportAnswer.Of(request, document, new ReleaseStamp(release.Version, release.ApprovedAt, release.Sha256), http.Response);
    }
}
