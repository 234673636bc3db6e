using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Server.Writing;

/// <summary>
/// A request read: the plan to write, or the problem it was refused with before reaching the append path (an invalid
/// envelope, a role that may not post it). A single write writes it alone; a batch writes its items' plans in groups.
/// </summary>
public sealed record PreparedWrite(WritePlan? Plan, ProblemDetails? Problem)
{
    public static PreparedWrite Of(WritePlan plan) => new(plan, null);

    public static PreparedWrite Rejected(ProblemDetails problem) => new(null, problem);

    /// <summary>A single request's write, through the queue that groups concurrent ones into shared transactions.</summary>
    public async Task<IntakeAnswer> Write(Intake.IntakeServices intake, CancellationToken ct) =>
        Plan is { } plan ? IntakeAnswer.Of(await intake.Queue.Write(plan, ct)) : intake.Rejected(Problem!);
}
