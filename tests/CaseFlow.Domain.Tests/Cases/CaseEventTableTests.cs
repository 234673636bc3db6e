using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Officers;
using CaseFlow.Domain.Subjects;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>
/// Every situation a case of either model can be in (each status, and each status a determination outcome, a confirmed
/// claim, a release, a lift or a transfer leads to) × every event type a client posts, judged by all the rules (sequence,
/// instants, data, custody, agreement, officer and supervisor authority), each step sent by the role that records it,
/// five minutes after the case's latest step. A row names the status it reaches, the event types accepted, and the
/// refusals other than the default one (<c>out-of-sequence</c>, <c>case-closed</c> once closed, and
/// <c>not-in-wso-model</c> / <c>not-in-jem-model</c> for the other model's steps).
/// </summary>
public class CaseEventTableTests
{
    private const string Corrections = "ChargesAmended EventVoided TransferredToAgency";
    private const string JailFacts = $"{Corrections} ScheduledReleaseSet ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted";
    private const string JailFactsButVoid = "ChargesAmended TransferredToAgency ScheduledReleaseSet ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted";
    private const string OnlyTheBooking = "EventVoided:not-voidable"; // the sample voids the latest fact, here the booking
    private const string OwnEventLast = "EventVoided:not-voidable"; // the latest fact is CaseFlow's own (the hold or its expiry)

    private const string ClaimOpen = "DetainerPrepared:citizenship-claim-open DetainerApproved:citizenship-claim-open DetainerLodged:citizenship-claim-open "
        + "DetainerServedOnSubject:citizenship-claim-open I213Prepared:citizenship-claim-open ChargingDocumentPrepared:citizenship-claim-open "
        + "SubmittedForReview:citizenship-claim-open ReviewApproved:citizenship-claim-open ChargingDocumentServed:citizenship-claim-open "
        + "WarrantServed:citizenship-claim-open CustodyTransferredToIce:citizenship-claim-open";

    private const string Confirmed = "DetainerPrepared:citizenship-confirmed DetainerApproved:citizenship-confirmed DetainerLodged:citizenship-confirmed "
        + "DetainerServedOnSubject:citizenship-confirmed I213Prepared:citizenship-confirmed ChargingDocumentPrepared:citizenship-confirmed "
        + "SubmittedForReview:citizenship-confirmed ReviewApproved:citizenship-confirmed ChargingDocumentServed:citizenship-confirmed "
        + "WarrantServed:citizenship-confirmed CustodyTransferredToIce:citizenship-confirmed "
        + "DeterminationRecorded:citizenship-confirmed CitizenshipClaimAsserted:citizenship-confirmed ReleaseNotificationRequested:citizenship-confirmed";

    private const string WsoConfirmed = "DetainerLodged:citizenship-confirmed WarrantServed:citizenship-confirmed "
        + "CustodyTransferredToIce:citizenship-confirmed CitizenshipClaimAsserted:citizenship-confirmed WarrantReceivedFromIce:citizenship-confirmed ReleaseNotificationRequested:citizenship-confirmed";

    private const string OutOfCustody = "ScreeningOpened:not-in-custody InterviewConducted:not-in-custody DetainerServedOnSubject:not-in-custody "
        + "ChargingDocumentServed:not-in-custody WarrantServed:not-in-custody CustodyTransferredToIce:not-in-custody";

    private const string WsoOutOfCustody = "WarrantServed:not-in-custody CustodyTransferredToIce:not-in-custody";

    public static TheoryData<string, string, string, string> Jem => new()
    {
        { "booked", "Booked", "ChargesAmended TransferredToAgency ScheduledReleaseSet ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted ScreeningOpened", OnlyTheBooking },
        { "screening", "Screening", $"{JailFacts} RecordsCheckCompleted InterviewConducted DeterminationRecorded", "" },
        { "determined removable", "Determined", $"{JailFacts} RecordsCheckCompleted InterviewConducted DetainerPrepared", "" },
        { "determined not removable", "Determined", $"{JailFacts} RecordsCheckCompleted InterviewConducted CaseClosed", "" },
        { "determined on insufficient information", "Determined", $"{JailFacts} RecordsCheckCompleted InterviewConducted CaseClosed", "" },
        { "determined citizenship claimed", "CitizenshipClaimPending", $"{Corrections} ScheduledReleaseSet ReleaseEligible ReleasedFromLocalCustody RecordsCheckCompleted InterviewConducted CitizenshipClaimReported", ClaimOpen },
        { "claim asserted", "CitizenshipClaimPending", $"{Corrections} ScheduledReleaseSet ReleaseEligible ReleasedFromLocalCustody RecordsCheckCompleted InterviewConducted DeterminationRecorded CitizenshipClaimReported", ClaimOpen },
        { "claim reported", "CitizenshipClaimPending", $"{Corrections} ScheduledReleaseSet ReleaseEligible ReleasedFromLocalCustody RecordsCheckCompleted InterviewConducted DeterminationRecorded CitizenshipClaimResolved", ClaimOpen },
        { "claim not substantiated", "Determined", $"{JailFacts} RecordsCheckCompleted InterviewConducted DeterminationRecorded", "" },
        { "citizenship confirmed", "Determined", $"{Corrections} ScheduledReleaseSet ReleaseEligible ReleasedFromLocalCustody RecordsCheckCompleted InterviewConducted CaseClosed", Confirmed },
        { "detainer pending review", "DetainerPendingReview", $"{JailFacts} RecordsCheckCompleted InterviewConducted DetainerApproved DetainerReturned ReviewClaimed", "" },
        { "detainer returned", "DetainerReturned", $"{JailFacts} RecordsCheckCompleted InterviewConducted DetainerPrepared", "" },
        { "detainer approved", "DetainerApproved", $"{JailFacts} RecordsCheckCompleted InterviewConducted DetainerLodged DetainerLifted ReleaseNotificationRequested", "" },
        { "detainer lodged", "DetainerLodged", $"{JailFacts} RecordsCheckCompleted InterviewConducted DetainerServedOnSubject IceNotifiedOfDetainer DetainerLifted ReleaseNotificationRequested", "" },
        { "detainer active", "DetainerActive", $"{JailFacts} RecordsCheckCompleted InterviewConducted I213Prepared ChargingDocumentPrepared DetainerLifted ReleaseNotificationRequested", "" },
        { "processing", "Processing", $"{JailFacts} RecordsCheckCompleted InterviewConducted I213Prepared ChargingDocumentPrepared DetainerLifted ReleaseNotificationRequested", "" },
        { "pending supervisory review", "PendingSupervisoryReview", $"{JailFacts} RecordsCheckCompleted InterviewConducted ReviewApproved ReviewReturnedForCorrection ReviewClaimed DetainerLifted ReleaseNotificationRequested", "" },
        { "returned for correction", "ReturnedForCorrection", $"{JailFacts} RecordsCheckCompleted InterviewConducted I213Prepared ChargingDocumentPrepared SubmittedForReview DetainerLifted ReleaseNotificationRequested", "" },
        { "awaiting release", "AwaitingRelease", $"{JailFacts} RecordsCheckCompleted InterviewConducted ChargingDocumentServed WarrantServed DetainerLifted ReleaseNotificationRequested", "" },
        { "hold active", "HoldActive", $"{JailFactsButVoid} RecordsCheckCompleted InterviewConducted WarrantServed CustodyTransferredToIce DetainerLifted", OwnEventLast },
        { "hold expired", "HoldExpired", $"{JailFactsButVoid} RecordsCheckCompleted InterviewConducted DetainerLifted", OwnEventLast },
        { "released", "ReleasedFromCustody", $"{Corrections} ScheduledReleaseSet ReleaseEligible CitizenshipClaimAsserted RecordsCheckCompleted DetainerLifted CaseClosed", OutOfCustody },
        { "detainer lifted", "DetainerLifted", $"{JailFacts} RecordsCheckCompleted CaseClosed", OutOfCustody },
        { "transferred to another agency", "DetainerActive", $"{JailFacts} RecordsCheckCompleted I213Prepared ChargingDocumentPrepared DetainerLifted CaseClosed", OutOfCustody },
        { "transferred to ICE", "TransferredToIce", $"{Corrections} CaseClosed", "" },
        { "closed", "Closed", Corrections, "" },
    };

    public static TheoryData<string, string, string, string> Wso => new()
    {
        { "booked", "Booked", "ChargesAmended TransferredToAgency ScheduledReleaseSet ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimAsserted WarrantReceivedFromIce", OnlyTheBooking },
        { "warrant on file", "WarrantOnFile", $"{JailFacts} DetainerLifted ReleaseNotificationRequested", "" },
        { "awaiting release", "AwaitingRelease", $"{JailFacts} WarrantServed DetainerLifted ReleaseNotificationRequested", "" },
        { "warrant served", "AwaitingRelease", $"{JailFacts} IceNotifiedOfService DetainerLifted CustodyTransferredToIce ReleaseNotificationRequested", "" },
        { "hold active", "HoldActive", $"{JailFactsButVoid} IceNotifiedOfService DetainerLifted CustodyTransferredToIce", OwnEventLast },
        { "hold expired", "HoldExpired", $"{JailFactsButVoid} IceNotifiedOfService DetainerLifted", OwnEventLast },
        { "claim asserted", "CitizenshipClaimPending", $"{Corrections} ScheduledReleaseSet ReleaseEligible ReleasedFromLocalCustody CitizenshipClaimReported DetainerLifted ReleaseNotificationRequested", "WarrantServed:citizenship-claim-open DetainerLodged:citizenship-claim-open CustodyTransferredToIce:citizenship-claim-open" },
        { "citizenship confirmed", "AwaitingRelease", $"{Corrections} ScheduledReleaseSet ReleaseEligible ReleasedFromLocalCustody DetainerLifted CaseClosed", WsoConfirmed },
        { "released", "ReleasedFromCustody", $"{Corrections} ScheduledReleaseSet ReleaseEligible CitizenshipClaimAsserted DetainerLifted CaseClosed", WsoOutOfCustody },
        { "detainer lifted", "DetainerLifted", $"{JailFacts} CaseClosed", WsoOutOfCustody },
        { "transferred to ICE", "TransferredToIce", $"{Corrections} CaseClosed", "" },
        { "closed", "Closed", Corrections, "" },
    };

    [Theory]
    [MemberData(nameof(Jem))]
    public void every_jem_situation_judges_every_event_type(string situation, string status, string accepted, string refusals) =>
        Verdicts(ProgramModel.JEM, JemSituation(situation), status, accepted, refusals);

    [Theory]
    [MemberData(nameof(Wso))]
    public void every_wso_situation_judges_every_event_type(string situation, string status, string accepted, string refusals) =>
        Verdicts(ProgramModel.WSO, WsoSituation(situation), status, accepted, refusals);

    [Fact]
    public void the_tables_cover_every_status_of_each_model_and_every_determination_outcome()
    {
        Jem.Select(r => r.Data.Item2).Concat(Wso.Select(r => r.Data.Item2)).Distinct().Order().ShouldBe(Enum.GetNames<CaseStatus>().Order());
        Wso.Select(r => r.Data.Item2).Distinct().Order().ShouldBe(
            ["AwaitingRelease", "Booked", "CitizenshipClaimPending", "Closed", "DetainerLifted", "HoldActive", "HoldExpired", "ReleasedFromCustody", "TransferredToIce", "WarrantOnFile"]);
        foreach (var outcome in Enum.GetValues<Determination>())
            Jem.ShouldContain(r => r.Data.Item1.StartsWith("determined", StringComparison.Ordinal) && JemSituation(r.Data.Item1).Determination == outcome);
    }

    /// <summary>The event types clients post to a case: all but the booking, what CaseFlow appends itself, and subject orders.</summary>
    private static IEnumerable<Type> Posted =>
        EventCatalogue.CaseEvents.Where(t => t != typeof(BookingRecorded) && !HoldClock.AppendedByCaseFlow.Contains(t) && !SubjectOrderRules.Events.Contains(t));

    private static void Verdicts(ProgramModel model, CaseFile state, string status, string accepted, string refusals)
    {
        state.Status.ShouldBe(Enum.Parse<CaseStatus>(status));
        var at = state.Facts.Max(f => CaseInstants.Of(f.Event) ?? state.BookedAt).AddMinutes(5);
        var actual = Posted.Select(t => (Type: t.Name, Code: CaseRules.Check(state, Sample(t, state, at), ContextFor(model, t, at))?.Code)).ToList();

        actual.Where(v => v.Code is null).Select(v => v.Type).Order().ShouldBe(accepted.Split(' ').Order(), "accepted");
        actual.Where(v => v.Code is not null && v.Code != DefaultRefusal(state, Type.GetType($"CaseFlow.Domain.Cases.{v.Type}, CaseFlow.Domain")!))
            .Select(v => $"{v.Type}:{v.Code}").Order()
            .ShouldBe(refusals.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), "refusals other than the default");
    }

    private static string DefaultRefusal(CaseFile state, Type type) =>
        state.Disposition is not null ? "case-closed"
        : state.Model == ProgramModel.WSO && CaseSequence.JemOnly.Contains(type) ? "not-in-wso-model"
        : state.Model == ProgramModel.JEM && CaseSequence.WsoOnly.Contains(type) ? "not-in-jem-model"
        : "out-of-sequence";

    /// <summary>Each step as the role that records it sends it: ICE's decisions by a supervisor, the rest by the jail's officer.</summary>
    private static CaseRuleContext ContextFor(ProgramModel model, Type type, DateTimeOffset at)
    {
        var actor = CaseRules.SupervisorDecisions.Contains(type) ? Supervisor : Jail;
        return model == ProgramModel.JEM
            ? Context(actor, at)
            : new CaseRuleContext(actor, at, at, WsoAgreement, WsoOfficer, RefresherPolicy.Default, new HashSet<WarrantType> { WarrantType.I200, WarrantType.I205 }) { MayVoid = _ => true };
    }

    /// <summary>A well-formed event of the type at the instant; a closure names a disposition the facts support when there is one.</summary>
    private static CaseEvent Sample(Type type, CaseFile state, DateTimeOffset at) => type.Name switch
    {
        nameof(ScheduledReleaseSet) => new ScheduledReleaseSet(at.AddDays(10), "sentence"),
        nameof(ChargesAmended) => new ChargesAmended([new Charge("TX PC 49.04", "DWI", ChargeLevel.Misdemeanor)], "re-filed"),
        nameof(ScreeningOpened) => new ScreeningOpened(at),
        nameof(RecordsCheckCompleted) => new RecordsCheckCompleted(at, ["IDENT"], BiometricMatch: true),
        nameof(InterviewConducted) => new InterviewConducted(at, true, false),
        nameof(CitizenshipClaimAsserted) => new CitizenshipClaimAsserted(at, ClaimChannel.Interview),
        nameof(CitizenshipClaimReported) => new CitizenshipClaimReported(at, "ERO Houston"),
        nameof(CitizenshipClaimResolved) => new CitizenshipClaimResolved(at, ClaimOutcome.NotSubstantiated),
        nameof(DeterminationRecorded) => new DeterminationRecorded(at, state.ClaimOpen ? Determination.CitizenshipClaimed : Determination.Removable),
        nameof(DetainerPrepared) => new DetainerPrepared(at, [ProbableCauseBasis.StatementsOrEvidence], WarrantType.I200),
        nameof(DetainerApproved) => new DetainerApproved(at),
        nameof(DetainerReturned) => new DetainerReturned(at, "box 1 unclear"),
        nameof(DetainerLodged) => new DetainerLodged(at),
        nameof(DetainerServedOnSubject) => new DetainerServedOnSubject(at, "in person"),
        nameof(IceNotifiedOfDetainer) => new IceNotifiedOfDetainer(at),
        nameof(DetainerLifted) => new DetainerLifted(at, LiftReason.ProsecutorialDiscretion),
        nameof(I213Prepared) => new I213Prepared(at, "I213-2"),
        nameof(ChargingDocumentPrepared) => new ChargingDocumentPrepared(at, ChargingDocumentType.NoticeToAppear, ["212(a)(6)(A)(i)"]),
        nameof(SubmittedForReview) => new SubmittedForReview(at, [ReviewItem.I213, ReviewItem.ChargingDocument]),
        nameof(ReviewReturnedForCorrection) => new ReviewReturnedForCorrection(at, [ReviewItem.I213], "entry date missing"),
        nameof(ReviewApproved) => new ReviewApproved(at),
        nameof(ReviewClaimed) => new ReviewClaimed(at, Supervisor),
        nameof(ChargingDocumentServed) => new ChargingDocumentServed(at),
        nameof(ReleaseEligible) => new ReleaseEligible(at),
        nameof(WarrantServed) => new WarrantServed(at, state.IceWarrant?.WarrantType ?? WarrantType.I200),
        nameof(CustodyTransferredToIce) => new CustodyTransferredToIce(at, "ERO Houston"),
        nameof(ReleasedFromLocalCustody) => new ReleasedFromLocalCustody(at, ReleaseReason.Bonded),
        nameof(CaseClosed) => new CaseClosed(at, Dispositions.Supported(state).FirstOrDefault(Disposition.NoAction)),
        nameof(EventVoided) => new EventVoided(state.Facts[^1].EventId, "entered in error"),
        nameof(TransferredToAgency) => new TransferredToAgency("TX0040000", at),
        nameof(WarrantReceivedFromIce) => new WarrantReceivedFromIce(at, WarrantType.I205, "ICE-DET-2"),
        nameof(IceNotifiedOfService) => new IceNotifiedOfService(at),
        nameof(ReleaseNotificationRequested) => new ReleaseNotificationRequested(at),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "no sample for this event type"),
    };

    private static CaseFile JemSituation(string situation)
    {
        var path = Path();
        var claim = (IEnumerable<CaseEvent>)[new CitizenshipClaimAsserted(T0.AddHours(4.5), ClaimChannel.Interview)];
        var reported = claim.Append(new CitizenshipClaimReported(T0.AddHours(4.75), "ERO Houston"));
        IEnumerable<CaseEvent> Take(int n, params IEnumerable<CaseEvent>[] more) => path.Take(n).Concat(more.SelectMany(m => m));
        return Fold(situation switch
        {
            "booked" => Take(1),
            "screening" => Take(4),
            "determined removable" => Take(5),
            "determined not removable" => Take(4, [new DeterminationRecorded(T0.AddHours(4), Determination.NotRemovable)]),
            "determined on insufficient information" => Take(4, [new DeterminationRecorded(T0.AddHours(4), Determination.InsufficientInformation)]),
            "determined citizenship claimed" => Take(4, [new DeterminationRecorded(T0.AddHours(4), Determination.CitizenshipClaimed)]),
            "claim asserted" => Take(4, claim),
            "claim reported" => Take(4, reported),
            "claim not substantiated" => Take(4, [new DeterminationRecorded(T0.AddHours(4), Determination.CitizenshipClaimed),
                new CitizenshipClaimReported(T0.AddHours(4.5), "ERO Houston"), new CitizenshipClaimResolved(T0.AddHours(5), ClaimOutcome.NotSubstantiated)]),
            "citizenship confirmed" => Take(4, [new DeterminationRecorded(T0.AddHours(4), Determination.CitizenshipClaimed),
                new CitizenshipClaimReported(T0.AddHours(4.5), "ERO Houston"), new CitizenshipClaimResolved(T0.AddHours(5), ClaimOutcome.CitizenshipConfirmed)]),
            "detainer pending review" => Take(6),
            "detainer returned" => Take(6, [new DetainerReturned(T0.AddHours(6), "box 1 unclear", Supervisor)]),
            "detainer approved" => Take(7),
            "detainer lodged" => Take(8),
            "detainer active" => Take(10),
            "processing" => Take(11),
            "pending supervisory review" => Take(13),
            "returned for correction" => Take(13, [new ReviewReturnedForCorrection(T0.AddHours(13), [ReviewItem.I213], "entry date missing", Supervisor)]),
            "awaiting release" => Take(14),
            "hold active" => Take(17),
            "hold expired" => Take(17, [new HoldExpired(T0.AddDays(4))]),
            "released" => Take(17, [new ReleasedFromLocalCustody(T0.AddDays(3), ReleaseReason.Bonded)]),
            "detainer lifted" => Take(10, [new DetainerLifted(T0.AddHours(10), LiftReason.ProsecutorialDiscretion)]),
            "transferred to another agency" => Take(10, [new TransferredToAgency("TX0040000", T0.AddHours(10))]),
            "transferred to ICE" => Take(19),
            _ => path,
        });
    }

    private static CaseFile WsoSituation(string situation)
    {
        var eligible = T0.AddDays(2);
        IReadOnlyList<CaseEvent> path =
        [
            Booking() with { Model = ProgramModel.WSO, AgreementId = WsoAgreement.Id },
            new WarrantReceivedFromIce(T0.AddHours(1), WarrantType.I205, "ICE-DET-2026-5512"),
            new DetainerLodged(T0.AddHours(1)),
            new ReleaseEligible(eligible),
            new WarrantServed(eligible.AddMinutes(5), WarrantType.I205, "Language line 4471"),
            HoldPolicy.Start(eligible.AddMinutes(5)),
            new CustodyTransferredToIce(eligible.AddHours(6), "ERO Houston"),
            new CaseClosed(eligible.AddHours(7), Disposition.TransferredToIce),
        ];
        IEnumerable<CaseEvent> Take(int n, params CaseEvent[] more) => path.Take(n).Concat(more);
        return Fold(situation switch
        {
            "booked" => Take(1),
            "warrant on file" => Take(3),
            "awaiting release" => Take(4),
            "warrant served" => Take(5),
            "hold active" => Take(6),
            "hold expired" => Take(6, new HoldExpired(eligible.AddMinutes(5) + HoldPolicy.Limit)),
            "claim asserted" => Take(4, new CitizenshipClaimAsserted(eligible.AddMinutes(1), ClaimChannel.Interview)),
            "citizenship confirmed" => Take(4, new CitizenshipClaimAsserted(eligible.AddMinutes(1), ClaimChannel.Interview),
                new CitizenshipClaimReported(eligible.AddMinutes(20), "ERO Houston"), new CitizenshipClaimResolved(eligible.AddMinutes(50), ClaimOutcome.CitizenshipConfirmed)),
            "released" => Take(4, new ReleasedFromLocalCustody(eligible.AddMinutes(10), ReleaseReason.SentenceServed)),
            "detainer lifted" => Take(4, new DetainerLifted(eligible.AddMinutes(10), LiftReason.ProsecutorialDiscretion)),
            "transferred to ICE" => Take(7),
            _ => path,
        });
    }
}
