using System.Security.Claims;
using System.Text.Json.Nodes;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using FromHeaderAttribute = Microsoft.AspNetCore.Mvc.FromHeaderAttribute;

namespace CaseFlow.Server.Intake;

public static class PostCaseEventEndpoint
{
    private static readonly IReadOnlyList<string> Jail = [Roles.ScreeningSystem, Roles.Officer];

    /// <summary>The events clients post to a case, and who may post each.</summary>
    public static readonly IReadOnlyDictionary<string, EventKind> Kinds = new Dictionary<string, EventKind>
    {
        [nameof(ScheduledReleaseSet)] = EventKind.Of<ScheduledReleaseSet>(Jail),
        [nameof(ChargesAmended)] = EventKind.Of<ChargesAmended>(Jail),
    };

    /// <summary>
    /// Appends one event to a case. Writers on a case queue behind each other; <c>If-Match: "version"</c> makes the
    /// write conditional (412 when the case has moved on).
    /// </summary>
    [WolverinePost("/api/cases/{caseId}/events", Name = "PostCaseEvent")]
    [Authorize(Policy = Policies.AppendCaseEvents)]
    public static Task<IResult> Post(
        Guid caseId, EventEnvelope<JsonObject> envelope, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user,
        IntakeServices intake, IMessageContext context, HttpResponse response, CancellationToken ct) =>
        PostStreamEvent.Handle<CaseFile>(caseId, envelope, ifMatch, user, Kinds, (caller, state) => caller.CanSee(state),
            _ => CaseRules.Check, WriteTarget.Case, intake, context, response, ct);
}
