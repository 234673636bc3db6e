using CaseFlow.Domain;
using CaseFlow.Server.Platform;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Server.Writing;

/// <summary>
/// What a write is addressed to, for its answers: "case" at /api/cases/{id}, "officer" at /api/officers/{id}; and
/// what to say when the event that starts such a stream comes again with other content.
/// </summary>
public sealed record WriteTarget(string Noun, string Location, string AlreadyStartedCode, string AlreadyStartedDetail)
{
    public static readonly WriteTarget Case = new("case", "/api/cases/", "booking-already-recorded",
        "The case already holds this booking with other content: post corrections to the case as events.");
}

/// <summary>The HTTP answer to each <see cref="WriteOutcome"/>, as design.md's contract gives it.</summary>
public static class WriteResults
{
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan RetryBusyAfter = TimeSpan.FromSeconds(1);

    public static IResult ToResult(this WriteOutcome outcome, HttpResponse response, WriteTarget target)
    {
        switch (outcome)
        {
            case WriteOutcome.Appended(var result, var created):
                return Success(response, result, created, target);
            case WriteOutcome.Replayed(var result, var created):
                response.Headers[ReplayedHeader] = "true";
                return Success(response, result, created, target);
            case WriteOutcome.Stale(var current):
                response.Headers.ETag = ETag(current);
                break;
            case WriteOutcome.Busy:
                RetryAfterHeader.Set(response, RetryBusyAfter);
                break;
        }

        return Results.Problem(ProblemFor(outcome, target)!);
    }

    /// <summary>The problem a write that did not append answers with; null for an appended or replayed event.</summary>
    public static ProblemDetails? ProblemFor(WriteOutcome outcome, WriteTarget target) => outcome switch
    {
        WriteOutcome.IdConflict => Problem(409, "event-id-conflict", "The event id is already used",
            "An event with this id is already stored with other content. Send a new id for a new event."),
        WriteOutcome.AlreadyStarted(var streamId) => Problem(409, target.AlreadyStartedCode, $"The {target.Noun} is already recorded",
            $"{streamId}: {target.AlreadyStartedDetail}"),
        WriteOutcome.Stale(var current) => Problem(412, "stale-version", $"The {target.Noun} has changed",
            $"If-Match did not match: the {target.Noun} is at version {current}. Read it again and decide afresh."),
        WriteOutcome.Refused(var refusal) => RefusalProblem(422, refusal),
        WriteOutcome.NotFound => Problem(404, $"{target.Noun}-not-found", $"No such {target.Noun}", $"No {target.Noun} with this id is visible to you."),
        WriteOutcome.Busy => Problem(409, $"{target.Noun}-busy", $"The {target.Noun} is busy",
            $"Other writes to this {target.Noun} held it longer than the wait allows. Retry after the time given in Retry-After.", retryable: true),
        WriteOutcome.Failed => Problem(500, "write-failed", "The write failed",
            "The event could not be stored, and nothing of it was; writes sent with it were stored without it. Report it with the trace id."),
        _ => null,
    };

    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>A rule's refusal answered at <paramref name="status"/> where a write's refusal is not the usual 422.</summary>
    public static IResult Refused(int status, Refusal refusal) => Results.Problem(RefusalProblem(status, refusal));

    private static ProblemDetails RefusalProblem(int status, Refusal refusal)
    {
        var problem = new ProblemDetails { Status = status, Type = refusal.Type, Title = refusal.Title, Detail = refusal.Detail, Extensions = { ["retryable"] = false } };
        foreach (var (key, value) in refusal.Extensions)
            problem.Extensions[key] = value;
        return problem;
    }

    private static IResult Success(HttpResponse response, AppendResult result, bool created, WriteTarget target)
    {
        response.Headers.ETag = ETag(result.StreamVersion);
        return created ? Results.Created($"{target.Location}{result.Id}", result) : Results.Ok(result);
    }

    private static ProblemDetails Problem(int status, string code, string title, string detail, bool retryable = false) => new()
    {
        Status = status,
        Type = $"urn:caseflow:problem:{code}",
        Title = title,
        Detail = detail,
        Extensions = { ["retryable"] = retryable },
    };
}
