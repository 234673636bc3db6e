using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using System.Text.Json.Nodes;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Custody;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Wolverine;
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
        IQuerySession session, IntakeServices intake, IOptions<GovernanceOptions> governance, IMessageContext context, HttpResponse response, CancellationToken ct) =>
        (await Append(caseId, envelope ?? new(), ifMatch, user, session, intake, governance.Value, context, ct)).ToResult(response, WriteTarget.Case);

    /// <summary>
    /// One case event through the append path, with the agreement and the acting officer for its rules. Who may post a
    /// type can depend on the case's model, which is judged only on a case the caller sees: any other is answered 404.
    /// </summary>
    public static async Task<IntakeAnswer> Append(
        Guid caseId, EventEnvelope<JsonObject> envelope, string? ifMatch, ClaimsPrincipal user, IQuerySession session,
        IntakeServices intake, GovernanceOptions governance, IMessageContext context, CancellationToken ct)
    {
        if (HoldClock.AppendedByCaseFlow.FirstOrDefault(t => t.Name == envelope.Type) is { } own)
        {
            return IntakeAnswer.Rejected(Problems.Forbidden("appended-by-caseflow", "CaseFlow records this event itself",
                $"{own.Name} is appended by CaseFlow, never posted: the hold starts when the person is release-eligible with a detainer in effect."));
        }

        // A case's agency and model never change, so they can be read before the write locks the case.
        var known = await session.LoadAsync<CaseFile>(caseId, ct);
        var caller = CallerScope.From(user);
        var model = known is not null && caller.CanSee(known) ? known.Model : (ProgramModel?)null;
        var now = intake.Clock.GetUtcNow();
        return await PostStreamEvent.Append<CaseFile>(caseId, envelope, ifMatch, user, CaseEventKinds.ByType, (scope, state) => scope.CanSee(state),
            batch =>
            {
                var agreement = known is null ? null : batch.Load<Agreement>(AgreementId.For(known.Ori, known.Model));
                var badge = caller.ActingOfficer(envelope.OfficerId);
                var officer = known is null || badge is null ? null : batch.Load<Officer>(OfficerId.For(known.Ori, badge));
                return (state, e) => CaseRules.Check(state, e, new CaseRuleContext(
                    new Actor(caller.Subject, badge), OccurredAtOf(envelope, now), now, agreement?.Result, officer?.Result,
                    governance.Refresher, caller.WarrantAuthority) {
                    MayVoid = type => CaseEventKinds.MayVoid(caller.Role, type, state.Model), ReviewClaimLifetime = intake.ReviewClaimLifetime,
                });
            },
            intake, context, ct, new StreamHooks<CaseFile>
            {
                RolesOf = kind => kind.RolesUnder(model),
                AppendAfter = AppendedByCaseFlow,
                Schedule = (eventId, e) => HoldDeadlineHandler.ScheduleFor(caseId, eventId, e),
            });
    }

    /// <summary>What CaseFlow appends itself after an accepted case event: the hold it withdraws or starts (<see cref="HoldClock"/>).</summary>
    private static IReadOnlyList<SystemEvent> AppendedByCaseFlow(CaseFile state, IncomingEvent accepted, object data) =>
        [.. HoldClock.After(state, accepted.EventId, (CaseEvent)data, accepted.OccurredAt).Select(f => new SystemEvent(f.EventId, f.Event, f.Event switch
        {
            HoldStarted hold => hold.From,
            _ => accepted.OccurredAt,
        }))];

    /// <summary>The envelope's occurredAt, already validated by the time a rule runs.</summary>
    private static DateTimeOffset OccurredAtOf(EventEnvelope<JsonObject> envelope, DateTimeOffset now) =>
        CaseFlow.Domain.Intake.Instants.TryParse(envelope.OccurredAt, out var at) ? at : now;
}
