using System.Text.Json.Nodes;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Custody;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Intake;

/// <summary>
/// What a case adds to the path for client events: roles by the case's model, the agreement and the acting officer
/// read with the lock for <see cref="CaseRules"/>, the hold CaseFlow withdraws or starts after an event, and the
/// hold's deadline. <paramref name="known"/> is the case as read before the lock, when the caller sees it.
/// </summary>
public sealed class CaseEventRules(
    Guid caseId, CaseStanding? known, CallerScope caller, EventEnvelope<JsonObject> envelope, IntakeServices intake, GovernanceOptions governance)
    : StreamRules<CaseFile>
{
    private readonly DateTimeOffset _now = intake.Clock.GetUtcNow();
    private readonly string? _badge = caller.ActingOfficer(envelope.OfficerId);
    private Task<Agreement?>? _agreement;
    private Task<Officer?>? _officer;

    public override IReadOnlyList<string> RolesOf(EventKind kind) => kind.RolesUnder(known?.Model);

    public override bool CanSee(CallerScope scope, CaseFile state) => scope.CanSee(state);

    public override void Prefetch(GroupReads reads)
    {
        if (known is null)
            return;
        _agreement = reads.Load<Agreement>(AgreementId.For(known.Ori, known.Model));
        if (_badge is not null)
            _officer = reads.Load<Officer>(OfficerId.For(known.Ori, _badge));
    }

    public override Refusal? Check(CaseFile state, object e) => CaseRules.Check(state, e, new CaseRuleContext(
        new Actor(caller.Subject, _badge), OccurredAt, _now, _agreement?.Result, _officer?.Result, governance.Refresher, caller.WarrantAuthority)
    {
        MayVoid = type => CaseEventKinds.MayVoid(caller.Role, type, state.Model), ReviewClaimLifetime = intake.ReviewClaimLifetime,
    });

    /// <summary>What CaseFlow appends itself after an accepted case event: the hold it withdraws or starts (<see cref="HoldClock"/>).</summary>
    public override IReadOnlyList<SystemEvent> AppendAfter(CaseFile state, IncomingEvent accepted, object data) =>
        [.. HoldClock.After(state, accepted.EventId, (CaseEvent)data, accepted.OccurredAt).Select(f => new SystemEvent(f.EventId, f.Event, f.Event switch
        {
            HoldStarted hold => hold.From,
            _ => accepted.OccurredAt,
        }))];

    public override ScheduledMessage? Schedule(Guid eventId, object data) => HoldDeadlineHandler.ScheduleFor(caseId, eventId, data);

    /// <summary>The envelope's occurredAt, already validated by the time a rule runs.</summary>
    private DateTimeOffset OccurredAt => CaseFlow.Domain.Intake.Instants.TryParse(envelope.OccurredAt, out var at) ? at : _now;
}
