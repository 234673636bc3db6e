using System.Security.Claims;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace CaseFlow.Server.Queues;

/// <summary>
/// The queues ICE supervisors work from, for the agencies of their field office (auditors: all, read only). Each is
/// keyset-paged (<c>after</c>, <c>limit</c>), filterable by <c>ori</c> and <c>model</c>, and says up to which event
/// <c>position</c> it is current; a client that passes the position its write answered waits (bounded) until the
/// queue has passed it, or is answered with <c>stale: true</c>.
/// </summary>
public static class GetQueuesEndpoint
{
    /// <summary>Detainers and charging-document packages awaiting supervisory review, oldest first, with preparer, age, returns and any running claim.</summary>
    [WolverineGet("/api/queues/review", Name = "GetReviewQueue")]
    [Authorize(Policy = Policies.ReadQueues)]
    [AccessAudited("queue-review")]
    public static Task<Results<Ok<QueuePage<ReviewQueueItem>>, ProblemHttpResult>> Review(
        [FromQuery] QueueFilter filter, ClaimsPrincipal user, IQuerySession session, QueueRunner queues, CancellationToken ct) =>
        queues.Read(SupervisorQueues.Review, filter, user, session, ct);

    /// <summary>Detainers in effect on people still in the jail, with the scheduled release, the hold's deadline and the time left, soonest first.</summary>
    [WolverineGet("/api/queues/detainers", Name = "GetDetainerQueue")]
    [Authorize(Policy = Policies.ReadQueues)]
    [AccessAudited("queue-detainers")]
    public static Task<Results<Ok<QueuePage<DetainerQueueItem>>, ProblemHttpResult>> Detainers(
        [FromQuery] QueueFilter filter, ClaimsPrincipal user, IQuerySession session, QueueRunner queues, CancellationToken ct) =>
        queues.Read(SupervisorQueues.Detainers, filter, user, session, ct);

    /// <summary>People due to leave the jail within <c>within</c> (<c>48h</c> unless given; hours <c>h</c> or days <c>d</c>), or overdue, soonest first.</summary>
    [WolverineGet("/api/queues/releases", Name = "GetReleaseQueue")]
    [Authorize(Policy = Policies.ReadQueues)]
    [AccessAudited("queue-releases")]
    public static Task<Results<Ok<QueuePage<ReleaseQueueItem>>, ProblemHttpResult>> Releases(
        [FromQuery] QueueFilter filter, [FromQuery, ReadAs<ReleaseWindow>] string? within, ClaimsPrincipal user, IQuerySession session, QueueRunner queues, CancellationToken ct)
    {
        var errors = new FieldErrors();
        return queues.Read(SupervisorQueues.Releases(ReleaseWindow.Read(within, errors)), filter, user, session, ct, errors);
    }

    /// <summary>
    /// Missed deadlines not met yet (cases: 24-hour detainer notice, one-hour claim report, hold limit, judged as the case
    /// summary judges them; complaints: ICE's notification within 48 weekday hours, the outcome within 30 days of
    /// resolution) and those at risk within the hour, earliest first. A <c>model</c> filter leaves complaints out.
    /// </summary>
    [WolverineGet("/api/queues/deadlines", Name = "GetDeadlineQueue")]
    [Authorize(Policy = Policies.ReadQueues)]
    [AccessAudited("queue-deadlines")]
    public static Task<Results<Ok<QueuePage<DeadlineQueueItem>>, ProblemHttpResult>> Deadlines(
        [FromQuery] QueueFilter filter, ClaimsPrincipal user, IQuerySession session, QueueRunner queues, CancellationToken ct) =>
        queues.Read(filter, user, ct, null, (query, scope, moment) => DeadlineQueue.Fetch(session, query, scope, moment, ct));

    /// <summary>Open citizenship claims, oldest first: each stops every enforcement step until ICE resolves it.</summary>
    [WolverineGet("/api/queues/citizenship-claims", Name = "GetCitizenshipClaimQueue")]
    [Authorize(Policy = Policies.ReadQueues)]
    [AccessAudited("queue-citizenship-claims")]
    public static Task<Results<Ok<QueuePage<ClaimQueueItem>>, ProblemHttpResult>> CitizenshipClaims(
        [FromQuery] QueueFilter filter, ClaimsPrincipal user, IQuerySession session, QueueRunner queues, CancellationToken ct) =>
        queues.Read(SupervisorQueues.Claims, filter, user, session, ct);
}

/// <summary>The release queue's window: whole hours (<c>48h</c>) or days (<c>3d</c>), up to 30 days (720 hours).</summary>
public sealed partial class ReleaseWindow : IParameterForm
{
    public const string Pattern = "^(([1-9][0-9]?|[1-6][0-9]{2}|7[01][0-9]|720)h|([1-9]|[12][0-9]|30)d)$";

    public static TimeSpan Read(string? text, FieldErrors errors)
    {
        if (text is null)
            return SupervisorQueues.DefaultReleaseWindow;
        if (Form().IsMatch(text)
            && int.TryParse(text[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
            return text[^1] == 'h' ? TimeSpan.FromHours(count) : TimeSpan.FromDays(count);
        errors.Add("within", "within must be a number of hours (48h) or days (3d), at most 30 days.");
        return SupervisorQueues.DefaultReleaseWindow;
    }

    [System.Text.RegularExpressions.GeneratedRegex(Pattern)]
    private static partial System.Text.RegularExpressions.Regex Form();

    public static void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Pattern = Pattern;
        schema.Default = System.Text.Json.Nodes.JsonValue.Create(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SupervisorQueues.DefaultReleaseWindow.TotalHours}h"));
    }
}
