using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Server.Intake;

/// <summary>The HTTP answer to each <see cref="WriteOutcome"/>, as design.md's contract gives it.</summary>
public static class WriteResults
{
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan RetryBusyAfter = TimeSpan.FromSeconds(1);

    public static IResult ToResult(this WriteOutcome outcome, HttpResponse response)
    {
        switch (outcome)
        {
            case WriteOutcome.Appended(var result, var created):
                return Success(response, result, created);
            case WriteOutcome.Replayed(var result, var created):
                response.Headers[ReplayedHeader] = "true";
                return Success(response, result, created);
            case WriteOutcome.IdConflict:
                return Problem(409, "event-id-conflict", "The event id is already used",
                    "An event with this id is already stored with other content. Send a new id for a new event.");
            case WriteOutcome.BookingConflict(var caseId):
                return Problem(409, "booking-already-recorded", "The booking is already recorded",
                    $"Case {caseId} already holds this booking with other content: post corrections to the case as events.");
            case WriteOutcome.Stale(var current):
                response.Headers.ETag = ETag(current);
                return Problem(412, "stale-version", "The case has changed",
                    $"If-Match did not match: the case is at version {current}. Read it again and decide afresh.");
            case WriteOutcome.Refused(var refusal):
                return Results.Problem(new ProblemDetails { Status = 422, Type = refusal.Type, Title = refusal.Title, Detail = refusal.Detail, Extensions = { ["retryable"] = false } });
            case WriteOutcome.CaseNotFound:
                return Problem(404, "case-not-found", "No such case", "No case with this id is visible to you.");
            default:
                response.Headers.RetryAfter = ((int)RetryBusyAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Problem(409, "case-busy", "The case is busy",
                    "Other writes to this case held it longer than the wait allows. Retry after the time given in Retry-After.", retryable: true);
        }
    }

    public static string ETag(long version) => $"\"{version}\"";

    private static IResult Success(HttpResponse response, AppendResult result, bool created)
    {
        response.Headers.ETag = ETag(result.Version);
        return created ? Results.Created($"/api/cases/{result.CaseId}", result) : Results.Ok(result);
    }

    private static IResult Problem(int status, string code, string title, string detail, bool retryable = false) =>
        Results.Problem(new ProblemDetails
        {
            Status = status,
            Type = $"urn:caseflow:problem:{code}",
            Title = title,
            Detail = detail,
            Extensions = { ["retryable"] = retryable },
        });
}
