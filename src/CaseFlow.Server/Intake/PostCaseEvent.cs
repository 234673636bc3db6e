using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using System.Text.Json.Nodes;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Wolverine.Http;
using FromHeaderAttribute = Microsoft.AspNetCore.Mvc.FromHeaderAttribute;

namespace CaseFlow.Server.Intake;

public static class PostCaseEventEndpoint
{
    /// <summary>
    /// Appends one event to a case. Writers on a case queue behind each other; <c>If-Match: "version"</c> makes the
    /// write conditional (412 when the case has moved on). The event types, who may post each and the rules are in
    /// <see cref="CaseEventKinds"/> and <see cref="CaseRules"/>.
    /// </summary>
    [WolverinePost("/api/cases/{caseId}/events", Name = "PostCaseEvent")]
    [Authorize(Policy = Policies.AppendCaseEvents)]
    [ProducesResponseType<AppendResult>(200)]
    [ProducesResponseType(404)]
    [ProducesResponseType(409)]
    [ProducesResponseType(412)]
    [ProducesResponseType(422)]
    public static async Task<IResult> Post(
        Guid caseId, EventEnvelope<JsonObject>? envelope, [FromHeader(Name = "If-Match"), ReadAs<IfMatch>] string? ifMatch, ClaimsPrincipal user,
        IQuerySession session, IntakeServices intake, IOptions<GovernanceOptions> governance, HttpResponse response, CancellationToken ct)
    {
        var known = await CaseStanding.Of(session, caseId, ct);
        var prepared = Prepare(caseId, known, envelope ?? new(), ifMatch, user, intake, governance.Value);
        return (await prepared.Write(intake, ct)).ToResult(response, WriteTarget.Case);
    }

    /// <summary>
    /// One case event planned for the append path, with the agreement and the acting officer for its rules.
    /// <paramref name="known"/> is the case as read before the write locks it: its agency and model never change. Who
    /// may post a type can depend on the model, which is judged only on a case the caller sees: any other is 404.
    /// </summary>
    public static PreparedWrite Prepare(
        Guid caseId, CaseStanding? known, EventEnvelope<JsonObject> envelope, string? ifMatch, ClaimsPrincipal user, IntakeServices intake, GovernanceOptions governance)
    {
        if (HoldClock.AppendedByCaseFlow.FirstOrDefault(t => t.Name == envelope.Type) is { } own)
        {
            return PreparedWrite.Rejected(Problems.Forbidden("appended-by-caseflow", "CaseFlow records this event itself",
                $"{own.Name} is appended by CaseFlow, never posted: the hold starts when the person is release-eligible with a detainer in effect."));
        }

        var caller = CallerScope.From(user);
        var rules = new CaseEventRules(caseId, known is not null && caller.CanSee(known) ? known : null, caller, envelope, intake, governance);
        return StreamEvents.Prepare(caseId, envelope, ifMatch, user, CaseEventKinds.ByType, rules, intake);
    }
}
