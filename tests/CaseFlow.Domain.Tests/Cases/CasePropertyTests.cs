using System.Text.Json;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Integrity;
using CsCheck;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>
/// Random request sequences, judged by the rules and folded as the store would: the case never reaches a state the
/// machine forbids, and the chain over what was accepted always verifies.
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
        t => HoldPolicy.Start(t),
        t => new WarrantServed(t, WarrantType.I200),
        t => new CustodyTransferredToIce(t, "ERO Houston"),
        t => new ReleasedFromLocalCustody(t, ReleaseReason.HoldExpired),
        t => new CaseClosed(t, Disposition.NoAction),
        t => new ChargesAmended([new Charge("TX PC 49.04", "DWI", ChargeLevel.Misdemeanor)], "re-filed"),
        t => new ReleaseNotificationRequested(t),
        t => new RecordsCheckCompleted(t, ["NCIC"], false, [new PriorConviction(ConvictionLevel.Felony, OffenceCategory.Assault)]),
        t => new DeterminationRecorded(t, Determination.Removable, t.Hour % 2 == 0 ? "MX" : "ZZ", ImmigrationStatus.VisaOverstay),
    ];

    [Fact]
    public void random_request_sequences_never_reach_a_forbidden_state_and_keep_the_chain()
    {
        Gen.Int[0, Requests.Count - 1].Array[1, 80].Sample(picks =>
        {
            var accepted = new List<CaseEvent> { Booking() };
            var state = Fold(accepted);
            for (var i = 0; i < picks.Length; i++)
            {
                var at = T0.AddHours(i + 1);
                var request = Requests[picks[i]](at);
                var actor = CaseRules.SupervisorDecisions.Contains(request.GetType()) ? Supervisor : Jail;
                if (CaseRules.Check(state, request, Context(actor, at)) is not null)
                    continue;

                var closedBefore = state.Disposition is not null;
                var claimOpenBefore = state.ClaimOpen;
                accepted.Add(request);
                state = CaseFile.Evolve(state, Id(accepted.Count - 1), request)!;

                if (closedBefore && !CaseSequence.Corrections.Contains(request.GetType()))
                    return false;
                if (claimOpenBefore && CaseSequence.EnforcementSteps.Contains(request.GetType()))
                    return false;
                if (!Allowed(state))
                    return false;
            }

            return ChainHolds(accepted);
        }, iter: 2000);
    }

    /// <summary>What no sequence of accepted events may produce.</summary>
    private static bool Allowed(CaseFile state) =>
        (state.Detainer?.Stage is not (DetainerStage.Lodged or DetainerStage.Served) || state.HasCriminalCharge || state.Facts.Any(f => f.Event is ChargesAmended))
        && (state.Hold is null || (state.DetainerInEffect || state.Detainer?.Stage == DetainerStage.Lifted) && state.Review?.Stage == ReviewStage.Approved)
        && (state.TransferredToIceAt is null || state.Hold is not null || state.Warrant is not null)
        && (state.Review is null || state.I213PreparedBy is not null && state.ChargingDocument is not null)
        && (state.Detainer is null || state.Determination == Determination.Removable)
        && (state.Disposition is null || CaseSequence.ReadyToClose(state))
        && (state.CitizenshipCountry is null || CountryCodes.IsAssigned(state.CitizenshipCountry))
        && (state.ReleaseNotificationRequestedAt is null || state.Detainer is not null);

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
