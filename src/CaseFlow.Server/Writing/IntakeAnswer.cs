using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Server.Writing;

/// <summary>
/// How one posted event ended: refused before it reached the append path (an invalid envelope, a role that may not
/// post it: <see cref="Problem"/>), or what the append path answered (<see cref="Outcome"/>). A single write turns
/// it into its HTTP answer; a batch into one item of its answer.
/// </summary>
public sealed record IntakeAnswer(WriteOutcome? Outcome, ProblemDetails? Problem)
{
    public static IntakeAnswer Of(WriteOutcome outcome) => new(outcome, null);

    public static IntakeAnswer Rejected(ProblemDetails problem) => new(null, problem);

    public IResult ToResult(HttpResponse response, WriteTarget target) =>
        Problem is { } problem ? Results.Problem(problem) : Outcome!.ToResult(response, target);
}
