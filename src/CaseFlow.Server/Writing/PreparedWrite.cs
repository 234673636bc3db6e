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

    public async Task<IntakeAnswer> Write(EventWriter writer, CancellationToken ct) =>
        Plan is { } plan ? IntakeAnswer.Of(await writer.Write(plan, ct)) : IntakeAnswer.Rejected(Problem!);
}
