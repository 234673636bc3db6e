using System.Text.Json;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Integrity;
using CsCheck;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>
/// Random request sequences, voids and corrections among them, judged by the rules and folded as the store would with
/// what CaseFlow appends itself (the hold, its withdrawal): the case never reaches a state the machine forbids, every
/// kept event still passes the rules in its place, and the chain over what was stored always verifies.
/// </summary>
public class CasePropertyTests
{
    private static readonly IReadOnlyList<Func<DateTimeOffset, CaseEvent>> Requests =
    [
        t => new ScreeningOpened(t),
        t => new RecordsCheckCompleted(t, ["IDENT"], BiometricMatch: t.Hour % 2 == 0),
        t => new InterviewConducted(t, true, false),
        t => new CitizenshipClaimAsserted(t, ClaimChannel.Interview),
        t => new CitizenshipClaimReported(t, "ERO Houston"),
        t => new CitizenshipClaimResolved(t, t.Hour % 3 == 0 ? ClaimOutcome.CitizenshipConfirmed : ClaimOutcome.NotSubstantiated),
        t => new DeterminationRecorded(t, t.Hour % 4 == 0 ? Determination.NotRemovable : Determination.Removable),
        t => new DetainerPrepared(t, [t.Hour % 2 == 0 ? ProbableCauseBasis.BiometricAndRecords : ProbableCauseBasis.StatementsOrEvidence], WarrantType.I200, Jail),
        t => new DetainerApproved(t, Supervisor),
        t => new DetainerReturned(t, "fix box 1", Supervisor),
        t => new DetainerLodged(t),
        t => new DetainerServedOnSubject(t, "in person"),
        t => new IceNotifiedOfDetainer(t),
        t => new DetainerLifted(t, LiftReason.ProsecutorialDiscretion),
        t => new I213Prepared(t, "I213", Jail),
        t => new ChargingDocumentPrepared(t, ChargingDocumentType.NoticeToAppear, ["212(a)(6)(A)(i)"], Jail),
        t => new SubmittedForReview(t, [ReviewItem.I213, ReviewItem.ChargingDocument], Jail),
        t => new ReviewReturnedForCorrection(t, [ReviewItem.I213], "entry date", Supervisor),
        t => new ReviewApproved(t, Supervisor),
        t => new ChargingDocumentServed(t),
        t => new ReleaseEligible(t),
        t => new HoldExpired(t), // the hold timer's own act
        t => new WarrantServed(t, WarrantType.I200),
        t => new CustodyTransferredToIce(t, "ERO Houston"),
        t => new ReleasedFromLocalCustody(t, ReleaseReason.HoldExpired),
        t => new CaseClosed(t, Disposition.NoAction),
        t => new ChargesAmended([new Charge("TX PC 49.04", "DWI", ChargeLevel.Misdemeanor)], "re-filed"),
        t => new ChargesAmended([new Charge("TC 545", "Speeding", ChargeLevel.Infraction)], "reduced"),
        t => new TransferredToAgency("TX1010000", t),
    ];

    /// <summary>A pick past <see cref="Requests"/> voids the event of the history it names (modulo the history's length).</summary>
    private const int Voids = 6;

    /// <summary>Picks past the voids draw among the requests the rules accept now, so the walk reaches the hold and beyond.</summary>
    private const int AllowedDraws = 60;

    [Fact]
    public void random_request_sequences_never_reach_a_forbidden_state_and_keep_the_chain()
    {
        Gen.Int[0, Requests.Count - 1 + Voids + AllowedDraws].Array[1, 80].Sample(picks =>
        {
            var accepted = new List<CaseEvent> { Booking() };
            var state = Fold(accepted);
            for (var i = 0; i < picks.Length; i++)
            {
                var at = T0.AddHours(i + 1);
                var request = Draw(picks[i], state, at);
                if (CaseRules.Check(state, request, ContextFor(request, at)) is not null)
                    continue;

                var closedBefore = state.Disposition is not null;
                var claimOpenBefore = state.ClaimOpen;
                (state, var stored) = Stored(state, request, at);
                accepted.AddRange(stored);

                if (closedBefore && !CaseSequence.Corrections.Contains(request.GetType()))
                    return false;
                if (claimOpenBefore && CaseSequence.EnforcementSteps.Contains(request.GetType()))
                    return false;
                if (!Allowed(state) || (request is EventVoided && !KeptHistoryHolds(state)))
                    return false;
            }

            return KeptHistoryHolds(state) && ChainHolds(accepted);
        }, iter: 2000);
    }

    /// <summary>Statuses that end the walk early (or stall it): reached by the random draws, not preferred.</summary>
    private static readonly CaseStatus[] Endings = [CaseStatus.ReleasedFromCustody, CaseStatus.Closed, CaseStatus.DetainerLifted, CaseStatus.CitizenshipClaimPending];

    private static CaseEvent Draw(int pick, CaseFile state, DateTimeOffset at)
    {
        var voiding = new EventVoided(state.Facts[pick % state.Facts.Count].EventId, "entered in error");
        if (pick < Requests.Count + Voids)
            return pick < Requests.Count ? Requests[pick](at) : voiding;
        var allowed = Requests.Select(r => r(at)).Where(e => CaseRules.Check(state, e, ContextFor(e, at)) is null).ToList();
        var onward = allowed.Where(e => Stored(state, e, at).State.Status is var next && next != state.Status && !Endings.Contains(next)).ToList();
        var from = onward.Count > 0 && pick % 3 != 0 ? onward : allowed;
        return from.Count == 0 ? voiding : from[pick % from.Count];
    }

    /// <summary>The case once the request and what CaseFlow appends after it are stored, and the events stored.</summary>
    private static (CaseFile State, IReadOnlyList<CaseEvent> Events) Stored(CaseFile state, CaseEvent request, DateTimeOffset at)
    {
        var id = Guid.NewGuid();
        var appended = HoldClock.After(state, id, request, at);
        return (appended.Aggregate(CaseFile.Evolve(state, id, request)!, (s, f) => CaseFile.Evolve(s, f.EventId, f.Event)!), [request, .. appended.Select(f => f.Event)]);
    }

    private static CaseRuleContext ContextFor(CaseEvent request, DateTimeOffset at) =>
        Context(CaseRules.SupervisorDecisions.Contains(request.GetType()) ? Supervisor : Jail, at);

    /// <summary>Every kept step of the case, folded afresh, passes the rules in its place: a void never leaves a forbidden history.</summary>
    private static bool KeptHistoryHolds(CaseFile state)
    {
        CaseFile? folded = null;
        foreach (var fact in state.Facts.Where(f => !state.VoidedEventIds.Contains(f.EventId)))
        {
            var judged = folded is not null && CaseFile.RemovedBy(fact.Event).Count == 0;
            if (judged && CaseRules.CheckInHistory(folded!, fact.Event) is not null)
                return false;
            folded = CaseFile.Evolve(folded, fact.EventId, fact.Event);
        }

        return true;
    }

    /// <summary>What no sequence of accepted events may produce.</summary>
    private static bool Allowed(CaseFile state) =>
        (state.Detainer?.Stage is not (DetainerStage.Lodged or DetainerStage.Served) || state.HasCriminalCharge || state.Facts.Any(f => f.Event is ChargesAmended))
        && (state.Hold is null || state.ReleaseEligibleAt is not null && state.Detainer?.ServedAt is not null)
        && CaseSequence.Why(state, typeof(HoldStarted)) is not null // CaseFlow never leaves a due hold unstarted
        && (state.TransferredToIceAt is null || state.Hold is not null || state.Warrant is not null)
        && (state.Review is null || state.I213PreparedBy is not null && state.ChargingDocument is not null)
        && (state.Detainer is null || state.Determination == Determination.Removable)
        && (state.Disposition is null || CaseSequence.ReadyToClose(state));

    private static bool ChainHolds(IReadOnlyList<CaseEvent> events)
    {
        var stream = Guid.NewGuid();
        var previous = EventChain.Genesis;
        var links = new List<(ChainLink, string?)>();
        for (var i = 0; i < events.Count; i++)
        {
            var link = new ChainLink(stream, i + 1, Id(i), events[i].GetType().Name, JsonSerializer.Serialize(events[i], events[i].GetType()), """{"role":"screening-system"}""");
            previous = EventChain.Hash(previous, link);
            links.Add((link, previous));
        }

        return EventChain.Verify(links).Intact;
    }
}
