using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Officers;

namespace CaseFlow.Domain.Cases;

/// <summary>
/// What the rules read besides the case: who acted (the token's subject, the officer's badge), when it occurred and
/// was recorded, the agency's agreement for the case's model, the acting officer's record, the refresher policy and
/// the supervisor's warrant authority (the approval-chain policy).
/// </summary>
public sealed record CaseRuleContext(
    Actor Actor, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, Agreement? Agreement, Officer? Officer, RefresherPolicy Refresher,
    IReadOnlySet<WarrantType> WarrantAuthority)
{
    /// <summary>Whether the caller may void an event of this type: whoever may post that kind of event (the server decides by role).</summary>
    public Func<Type, bool> MayVoid { get; init; } = _ => false;

    /// <summary>How long a supervisor's claim on a review item runs (<see cref="ReviewClaims"/>).</summary>
    public TimeSpan ReviewClaimLifetime { get; init; } = ReviewClaims.DefaultLifetime;
}

/// <summary>The rules a case event must pass (domain.md section 2), each refusal with a stable code; null means accepted.</summary>
public static partial class CaseRules
{
    /// <summary>Steps only a designated officer takes: they need the agency's agreement and the officer's authority.</summary>
    public static readonly IReadOnlySet<Type> OfficerSteps = new HashSet<Type>
    {
        typeof(ScreeningOpened), typeof(RecordsCheckCompleted), typeof(InterviewConducted), typeof(DeterminationRecorded),
        typeof(DetainerPrepared), typeof(DetainerLodged), typeof(DetainerServedOnSubject), typeof(I213Prepared),
        typeof(ChargingDocumentPrepared), typeof(SubmittedForReview), typeof(ChargingDocumentServed), typeof(WarrantServed),
    };

    /// <summary>Decisions of an ICE supervisor: never by whoever prepared the item.</summary>
    public static readonly IReadOnlySet<Type> SupervisorDecisions = new HashSet<Type>
    {
        typeof(DetainerApproved), typeof(DetainerReturned), typeof(ReviewReturnedForCorrection), typeof(ReviewApproved),
        typeof(CitizenshipClaimResolved), typeof(DetainerLifted),
    };

    /// <summary>In a WSO case the officer's one step is serving the warrant; ICE records the rest.</summary>
    public static bool IsOfficerStep(ProgramModel model, Type type) =>
        model == ProgramModel.WSO ? type == typeof(WarrantServed) : OfficerSteps.Contains(type);

    public static Refusal? Check(CaseFile state, object @event, CaseRuleContext context)
    {
        var type = @event.GetType();
        return CheckInHistory(state, @event)
            ?? (@event is CaseEvent e ? CaseInstants.Check(state, e, context.OccurredAt, context.RecordedAt) : null)
            ?? (@event is EventVoided voided ? Voidable(state, voided, context) : null)
            ?? (IsOfficerStep(state.Model, type) ? OfficerMayAct(state, context)
                : OfficerDetainerSteps.Contains(type) && context.Actor.OfficerBadge is not null ? AgreementInForce(state, context) : null)
            ?? (SupervisorDecisions.Contains(type) ? SupervisorMayDecide(state, @event, context) : null)
            ?? ReviewClaims.Check(state, @event, context.Actor, context.RecordedAt, context.ReviewClaimLifetime);
    }

    /// <summary>
    /// The rules an event must pass in its place in the history: the sequence and its own data, not who acted (judged
    /// once, when it was recorded). A void is checked by folding the kept events through these again.
    /// </summary>
    public static Refusal? CheckInHistory(CaseFile state, object @event)
    {
        var type = @event.GetType();
        if (CaseSequence.Why(state, type) is { } reason)
        {
            return new Refusal(state.Disposition is not null ? "case-closed"
                : state.Model == ProgramModel.WSO && CaseSequence.JemOnly.Contains(type) ? "not-in-wso-model"
                : state.Model == ProgramModel.JEM && CaseSequence.WsoOnly.Contains(type) ? "not-in-jem-model"
                : state.ClaimOpen && CaseSequence.EnforcementSteps.Contains(type) ? "citizenship-claim-open"
                : state.CitizenshipConfirmed && CaseSequence.ConfirmedCitizenBars.Contains(type) ? "citizenship-confirmed"
                : state.OutOfJailCustody && CaseSequence.CustodySteps.Contains(type) ? "not-in-custody"
                : "out-of-sequence", $"{type.Name} cannot be recorded now", $"{reason} The case is {state.Status}.");
        }

        return Specific(state, @event) ?? StatisticsFacts(@event);
    }

    /// <summary>
    /// A detainer lodged or served, or a warrant served, by a designated officer is taken under the agreement whoever's
    /// step it is in the model (ICE's lodging in a WSO case included).
    /// </summary>
    private static readonly IReadOnlySet<Type> OfficerDetainerSteps = new HashSet<Type>
    {
        typeof(DetainerLodged), typeof(DetainerServedOnSubject), typeof(WarrantServed),
    };

    private static Refusal? AgreementInForce(CaseFile state, CaseRuleContext context)
    {
        foreach (var (moment, when) in new[] { (context.OccurredAt, "when it occurred"), (context.RecordedAt, "now") })
        {
            if (context.Agreement is not { } agreement || !agreement.IsInForceAt(moment))
            {
                return new Refusal("agreement-not-in-force", $"The {state.Model} agreement is not in force",
                    $"Agency {state.Ori}'s {state.Model} agreement was not in force {when}; no officer may act under it.");
            }
        }

        return null;
    }

    private static Refusal? OfficerMayAct(CaseFile state, CaseRuleContext context)
    {
        if (AgreementInForce(state, context) is { } lapsed)
            return lapsed;
        if (context.Actor.OfficerBadge is null)
            return new Refusal("officer-required", "Name the acting officer", "This step is taken by a designated officer: send the officer's badge number as officerId.");

        // An act is lawful if the officer held authority when it was done: a step an offline jail reports after a later
        // revocation or disqualification still stands, and nothing done at or after that instant does.
        return context.Officer is { } officer && officer.IsAuthorizedAt(state.Ori, state.Model, context.OccurredAt, context.Refresher, state.TimeZone)
            ? null
            : new Refusal("officer-not-authorized", "The officer may not act",
                $"The acting officer (officerId) of {state.Ori} did not hold an unrevoked {state.Model} authorization with current training when this occurred ({context.OccurredAt:u}).");
    }

    private static Refusal? SupervisorMayDecide(CaseFile state, object @event, CaseRuleContext context)
    {
        var preparers = @event switch
        {
            DetainerApproved or DetainerReturned => [state.Detainer?.PreparedBy],
            ReviewApproved or ReviewReturnedForCorrection => new[] { state.I213PreparedBy, state.ChargingDocumentPreparedBy },
            _ => Array.Empty<Actor?>(),
        };
        if (preparers.OfType<Actor>().Any(p => p.Subject == context.Actor.Subject || (p.OfficerBadge is not null && p.OfficerBadge == context.Actor.OfficerBadge)))
            return new Refusal("self-approval", "Nobody reviews their own work", "The person who prepared this item may not decide on it; another supervisor must.");

        var needsWarrantAuthority = @event is DetainerApproved or ReviewApproved;
        return needsWarrantAuthority && state.Detainer is { } detainer && !context.WarrantAuthority.Contains(detainer.WarrantType)
            ? new Refusal("no-warrant-authority", $"No authority for {detainer.WarrantType}",
                $"Approving rests on a {detainer.WarrantType} warrant, which you are not authorized to issue (8 CFR 241.2, 287.5).")
            : null;
    }
}
