using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>
/// What one random step draws besides its type: when it happens, a seed from which each field of the event is picked
/// independently (field <c>n</c> reads its own slot of the seed), and the case so far (a void names one of its events).
/// </summary>
public readonly record struct Draw(DateTimeOffset At, int Seed, CaseFile Case)
{
    public T One<T>(int slot, params T[] options) => options[(int)(Mix(slot) % (uint)options.Length)];

    public T Any<T>(int slot)
        where T : struct, Enum => One(slot, Enum.GetValues<T>());

    public bool Flag(int slot) => (Mix(slot) & 1) == 1;

    /// <summary>A few minutes up to a day before <see cref="At"/>, for instants a step carries besides its own.</summary>
    public DateTimeOffset Before(int slot) => At.AddMinutes(-One(slot, 0, 5, 90, 1_440));

    private uint Mix(int slot) => (uint)HashCode.Combine(Seed, slot);
}

/// <summary>
/// How to make one event type's request, and how often to pick it among the steps a state allows: side steps and
/// exits (a release, a claim, a lift) weigh little, so most sequences walk far into the case before they end.
/// </summary>
public sealed record StepGenerator(int Weight, Func<Draw, CaseEvent> Make);

/// <summary>
/// One generator per case event type a client (or the hold timer) may record, keyed by type: the property tests draw
/// the next step from <see cref="CaseSequence.NextSteps"/> and look its generator up here. A new event type gets one
/// row; <c>CasePropertyTests</c> fails while a type the state machine offers has none.
/// </summary>
public static class CaseSteps
{
    public static readonly IReadOnlyDictionary<Type, StepGenerator> Generators = new Dictionary<Type, StepGenerator>
    {
        [typeof(ScheduledReleaseSet)] = new(2, d => new ScheduledReleaseSet(d.At.AddDays(d.One(1, 1, 30, 365)), d.One<string?>(2, null, "sentence"))),
        [typeof(ChargesAmended)] = new(1, d => new ChargesAmended([new Charge(d.One(1, "TX PC 49.04", "TX PC 31.03"), "amended", d.Any<ChargeLevel>(2))], "re-filed")),
        [typeof(ScreeningOpened)] = new(50, d => new ScreeningOpened(d.At)),
        [typeof(RecordsCheckCompleted)] = new(50, d => new RecordsCheckCompleted(d.At, d.One<string[]>(1, ["IDENT"], ["IDENT", "EID"], ["EID"]), d.Flag(2),
            d.One<PriorConviction[]?>(3, null, [], [new PriorConviction(d.Any<ConvictionLevel>(4), d.Any<OffenceCategory>(5))]))),
        [typeof(InterviewConducted)] = new(50, d => d.Flag(1)
            ? new InterviewConducted(d.At, true, true, "Ana Ruiz", d.One(2, "es", "pt", "zh"))
            : new InterviewConducted(d.At, d.Flag(3), false)),
        [typeof(CitizenshipClaimAsserted)] = new(1, d => new CitizenshipClaimAsserted(d.At, d.Any<ClaimChannel>(1))),
        [typeof(CitizenshipClaimReported)] = new(50, d => new CitizenshipClaimReported(d.At, d.One(1, "ERO Houston", "ERO Dallas"))),
        [typeof(CitizenshipClaimResolved)] = new(50, d => new CitizenshipClaimResolved(d.At, d.Any<ClaimOutcome>(1))),
        [typeof(DeterminationRecorded)] = new(50, d => new DeterminationRecorded(d.At, d.One(1, Determination.Removable, Determination.Removable, d.Any<Determination>(2)),
            d.One<string?>(3, null, "MX", "GT", "US", "ZZ"), d.One<ImmigrationStatus?>(4, null, d.Any<ImmigrationStatus>(5)))),
        [typeof(DetainerPrepared)] = new(50, d => new DetainerPrepared(d.At,
            Enum.GetValues<ProbableCauseBasis>().Where((_, i) => i == 0 ? d.Flag(1) : d.Flag(10 + i)).DefaultIfEmpty(d.Any<ProbableCauseBasis>(2)).ToList(),
            d.Any<WarrantType>(3), Jail)),
        [typeof(DetainerApproved)] = new(50, d => new DetainerApproved(d.At, Supervisor)),
        [typeof(DetainerReturned)] = new(3, d => new DetainerReturned(d.At, d.One(1, "fix box 1", "basis unclear"), Supervisor)),
        [typeof(DetainerLodged)] = new(50, d => new DetainerLodged(d.At)),
        [typeof(DetainerServedOnSubject)] = new(50, d => new DetainerServedOnSubject(d.At, d.One(1, "in person", "by mail"))),
        [typeof(IceNotifiedOfDetainer)] = new(50, d => new IceNotifiedOfDetainer(d.At)),
        [typeof(DetainerLifted)] = new(2, d => new DetainerLifted(d.At, d.Any<LiftReason>(1))),
        [typeof(I213Prepared)] = new(50, d => new I213Prepared(d.At, d.One(1, "I213-1", "I213-2"), Jail)),
        [typeof(ChargingDocumentPrepared)] = new(50, d => new ChargingDocumentPrepared(d.At, d.Any<ChargingDocumentType>(1), ["212(a)(6)(A)(i)"], Jail)),
        [typeof(SubmittedForReview)] = new(50, d => new SubmittedForReview(d.At, d.One<ReviewItem[]>(1, [ReviewItem.I213, ReviewItem.ChargingDocument], [ReviewItem.I213]), Jail)),
        [typeof(ReviewReturnedForCorrection)] = new(3, d => new ReviewReturnedForCorrection(d.At, [d.Any<ReviewItem>(1)], "entry date", Supervisor)),
        [typeof(ReviewApproved)] = new(50, d => new ReviewApproved(d.At, Supervisor)),
        [typeof(ReviewClaimed)] = new(10, d => new ReviewClaimed(d.At, Supervisor)),
        [typeof(ChargingDocumentServed)] = new(50, d => new ChargingDocumentServed(d.At)),
        [typeof(ReleaseEligible)] = new(6, d => new ReleaseEligible(d.Before(1))),
        [typeof(HoldExpired)] = new(3, d => new HoldExpired(d.At)),
        [typeof(WarrantServed)] = new(50, d => new WarrantServed(d.At, d.Any<WarrantType>(1))),
        [typeof(CustodyTransferredToIce)] = new(50, d => new CustodyTransferredToIce(d.At, d.One(1, "ERO Houston", "ERO San Antonio"))),
        [typeof(ReleasedFromLocalCustody)] = new(1, d => new ReleasedFromLocalCustody(d.At, d.Any<ReleaseReason>(1))),
        [typeof(CaseClosed)] = new(10, d => new CaseClosed(d.At, d.Any<Disposition>(1))),
        [typeof(TransferredToAgency)] = new(1, d => new TransferredToAgency(d.One(1, "TX0200000", "TX1010000"), d.At)),
        [typeof(WarrantReceivedFromIce)] = new(50, d => new WarrantReceivedFromIce(d.At, d.Any<WarrantType>(1), "ICE-DET-1")),
        [typeof(IceNotifiedOfService)] = new(50, d => new IceNotifiedOfService(d.At)),
        [typeof(ReleaseNotificationRequested)] = new(5, d => new ReleaseNotificationRequested(d.At)),
        [typeof(EventVoided)] = new(3, d => new EventVoided(d.One(1, [.. d.Case.Facts.Select(f => f.EventId)]), d.One(2, "entered in error", "wrong person"))),
    };

    /// <summary>The acting party of a step: ICE's supervisor for its decisions, the hold timer for an expiry, else the jail's officer.</summary>
    public static Actor ActorOf(Type type) =>
        CaseRules.SupervisorDecisions.Contains(type) ? Supervisor
        : type == typeof(HoldExpired) ? new Actor("caseflow-hold-timer", null)
        : Jail;
}
