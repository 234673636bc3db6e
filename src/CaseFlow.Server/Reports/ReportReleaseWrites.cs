using System.Text.Json;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Reports;

/// <summary>What a proposal or an approval answers: the month, the proposal, the document's hash, and the release version once approved.</summary>
public sealed record ReportReleaseAnswer(string Month, Guid ProposalId, string Sha256, int? ReleasedVersion, Guid EventId, long StreamVersion);

/// <summary>What the two steps of a release share on their way through the one append path.</summary>
public static class ReportReleaseWrites
{
    public static readonly WriteTarget Target = new("report", "/api/reports/monthly/", "report-release-conflict", "The month's release stream was started by another request at the same time: send it again.");

    /// <summary>A month in the path of a write: <c>YYYY-MM</c>, no suffix.</summary>
    public static DateOnly? Month(string month, FieldErrors errors) => Statistics.MonthParameter.Read(errors, "month", month);

    /// <summary>A release step as the append path takes it, fingerprinted over what the request said (never the figures computed for it).</summary>
    public static IncomingEvent Incoming(Guid eventId, Guid streamId, string type, object request, DateTimeOffset now, JsonSerializerOptions json) =>
        IncomingEvent.Undated(eventId, streamId, type, request, now, json);

    public static IResult Answer(WriteOutcome outcome, string month, Guid proposalId, string sha256, int? version, int status, HttpResponse response) => outcome switch
    {
        WriteOutcome.Appended(var result, _) => Results.Json(new ReportReleaseAnswer(month, proposalId, sha256, version, result.EventId, result.Version), statusCode: status),
        WriteOutcome.Replayed(var result, _) => Replayed(response, new ReportReleaseAnswer(month, proposalId, sha256, version, result.EventId, result.Version), status),
        WriteOutcome.Refused(var refusal) when refusal.Code == Domain.Reports.ReportReleaseRules.NoProposal => WriteResults.Refused(404, refusal),
        WriteOutcome.Refused(var refusal) => WriteResults.Refused(409, refusal),
        _ => outcome.ToResult(response, Target),
    };

    private static IResult Replayed(HttpResponse response, ReportReleaseAnswer answer, int status)
    {
        response.Headers[WriteResults.ReplayedHeader] = "true";
        return Results.Json(answer, statusCode: status);
    }
}
