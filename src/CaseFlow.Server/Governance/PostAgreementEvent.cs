using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using System.Text.Json.Nodes;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using FromHeaderAttribute = Microsoft.AspNetCore.Mvc.FromHeaderAttribute;

namespace CaseFlow.Server.Governance;

/// <summary>A termination notice as sent: the effective date may be left out, and is then the notice date plus 90 days.</summary>
public sealed record TerminationNotice(DateOnly NoticeDate, TerminatingParty ByParty, DateOnly? EffectiveOn = null)
{
    public TerminationNoticed ToEvent() => new(NoticeDate, EffectiveOn ?? AgreementPolicy.DefaultTerminationDate(NoticeDate), ByParty);
}

public static class PostAgreementEventEndpoint
{
    private static readonly IReadOnlyList<string> Admin = [Roles.Admin];

    public static readonly WriteTarget Target = new("agreement", "/api/agreements/", "agreement-already-recorded",
        "Agreements are signed once; record changes as events.");

    /// <summary>The events recorded on an agreement after its signing (design.md: governance events are the admin's).</summary>
    public static readonly IReadOnlyDictionary<string, EventKind> Kinds = new Dictionary<string, EventKind>
    {
        [nameof(AddendumRecorded)] = EventKind.Of<AddendumRecorded>(Admin),
        [nameof(AgreementSuspended)] = EventKind.Of<AgreementSuspended>(Admin),
        [nameof(SuspensionLifted)] = EventKind.Of<SuspensionLifted>(Admin),
        [nameof(TerminationNoticed)] = EventKind.Of<TerminationNotice>(Admin, notice => notice.ToEvent()),
        [nameof(AgreementTerminated)] = EventKind.Of<AgreementTerminated>(Admin),
        [nameof(ReviewMeetingHeld)] = EventKind.Of<ReviewMeetingHeld>(Admin),
    };

    /// <summary>
    /// Records a step in an agreement's life after its signing: suspension, lifting, termination notice, termination,
    /// addendum, review meeting. Admins only; <c>If-Match: "version"</c> makes the write conditional.
    /// </summary>
    [WolverinePost("/api/agreements/{ori}/{model}/events", Name = "PostAgreementEvent")]
    [Authorize(Policy = Policies.RecordAgreementEvents)]
    [ProducesResponseType<AppendResult>(200)]
    [ProducesResponseType(404)]
    [ProducesResponseType(409)]
    [ProducesResponseType(412)]
    [ProducesResponseType(422)]
    public static async Task<IResult> Post(
        string ori, ProgramModel model, EventEnvelope<JsonObject>? envelope, [FromHeader(Name = "If-Match"), ReadAs<IfMatch>] string? ifMatch, ClaimsPrincipal user,
        IntakeServices intake, HttpResponse response, CancellationToken ct) =>
        (await StreamEvents.Append(AgreementId.For(ori.ToUpperInvariant(), model), envelope ?? new(), ifMatch, user, Kinds, new AgreementEventRules(), intake, ct))
            .ToResult(response, Target);

    private sealed class AgreementEventRules : StreamRules<Agreement>
    {
        public override bool CanSee(CallerScope caller, Agreement state) => caller.CanSee(state);

        public override Refusal? Check(Agreement state, object e) => AgreementRules.Check(state, e);
    }
}
