using CaseFlow.Domain.Integrity;
using CaseFlow.Domain.Subjects;

namespace CaseFlow.Domain.Cases;

public enum CaseStatus
{
    Booked,
    WarrantOnFile,
    Screening,
    Determined,
    CitizenshipClaimPending,
    DetainerPendingReview,
    DetainerReturned,
    DetainerApproved,
    DetainerLodged,
    DetainerActive,
    DetainerLifted,
    Processing,
    PendingSupervisoryReview,
    ReturnedForCorrection,
    AwaitingRelease,
    HoldActive,
    HoldExpired,
    ReleasedFromCustody,
    TransferredToIce,
    Closed,
}

public enum DetainerStage
{
    Prepared,
    Returned,
    Approved,
    Lodged,
    Served,
    Lifted,
}

public sealed record DetainerState(
    IReadOnlyList<ProbableCauseBasis> Bases, WarrantType WarrantType, Actor? PreparedBy, DetainerStage Stage,
    DateTimeOffset PreparedAt, DateTimeOffset? LodgedAt = null, DateTimeOffset? ServedAt = null, DateTimeOffset? IceNotifiedAt = null, LiftReason? LiftReason = null);

public enum ReviewStage
{
    Pending,
    Returned,
    Approved,
}

public sealed record ReviewState(ReviewStage Stage, IReadOnlyList<ReviewItem> Items, DateTimeOffset SubmittedAt, int Returns, Actor? ReviewedBy = null);

/// <summary>One event the case was built from: kept so that voiding an event folds the case again without it.</summary>
public sealed record CaseFact(Guid EventId, CaseEvent Event);

/// <summary>
/// The state of one 287(g) case, evolved from its events: the booking, screening, citizenship claim, detainer,
/// documents and review, custody and closure. Its status is derived from these facts, so a voided event simply
/// drops out when the case is folded again.
/// </summary>
public sealed partial record CaseFile : IChainedState<CaseFile>
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string ChainHead { get; init; } = "";
    public required string Ori { get; init; }
    public ProgramModel Model { get; init; }
    public required string BookingNumber { get; init; }
    public DateTimeOffset BookedAt { get; init; }
    public required IReadOnlyList<Charge> Charges { get; init; }
    public DateTimeOffset? ScheduledRelease { get; init; }
    public Guid SubjectRef { get; init; }
    public Guid AgreementId { get; init; }
    public required string FieldOfficeCode { get; init; }
    public required string TimeZone { get; init; }

    public DateTimeOffset? ScreeningOpenedAt { get; init; }
    public bool RecordsChecked { get; init; }
    public bool BiometricMatch { get; init; }
    public bool Interviewed { get; init; }
    public Determination? Determination { get; init; }
    public DateTimeOffset? DeterminedAt { get; init; }

    /// <summary>Facts the statistics count by, each null while not recorded (see <see cref="CaseClassification"/>).</summary>
    public string? CitizenshipCountry { get; init; }
    public ImmigrationStatus? ImmigrationStatus { get; init; }
    public IReadOnlyList<PriorConviction>? PriorConvictions { get; init; }
    public DateTimeOffset? ReleaseNotificationRequestedAt { get; init; }

    public DateTimeOffset? ClaimAssertedAt { get; init; }
    public DateTimeOffset? ClaimReportedAt { get; init; }
    public ClaimOutcome? ClaimOutcome { get; init; }

    public WarrantReceivedFromIce? IceWarrant { get; init; }
    public DateTimeOffset? ServiceNotifiedAt { get; init; }
    public DetainerState? Detainer { get; init; }
    public Actor? I213PreparedBy { get; init; }
    public ChargingDocumentType? ChargingDocument { get; init; }
    public Actor? ChargingDocumentPreparedBy { get; init; }
    public ReviewState? Review { get; init; }
    public ReviewClaim? ReviewClaim { get; init; }
    public DateTimeOffset? ChargingDocumentServedAt { get; init; }

    public DateTimeOffset? ReleaseEligibleAt { get; init; }
    public HoldStarted? Hold { get; init; }

    /// <summary>The id of the running hold's <see cref="HoldStarted"/>: its deadline timer is keyed by it.</summary>
    public Guid? HoldEventId { get; init; }
    public DateTimeOffset? HoldExpiredAt { get; init; }
    public WarrantServed? Warrant { get; init; }
    public DateTimeOffset? TransferredToIceAt { get; init; }
    public DateTimeOffset? ReleasedAt { get; init; }
    public ReleaseReason? ReleaseReason { get; init; }
    public string? TransferredToOri { get; init; }
    public Disposition? Disposition { get; init; }

    /// <summary>Whether the subject's identifiers are readable; sealing and erasure leave the case's status alone.</summary>
    public SubjectState SubjectState { get; init; }
    public IReadOnlyList<SubjectOrder> SubjectOrders { get; init; } = [];

    public IReadOnlyList<CaseFact> Facts { get; init; } = [];
    public IReadOnlyList<Guid> VoidedEventIds { get; init; } = [];

    /// <summary>The events the case stands on, in the order stored: every one but those voided or withdrawn.</summary>
    public IEnumerable<CaseEvent> KeptEvents() => Facts.Where(f => !VoidedEventIds.Contains(f.EventId)).Select(f => f.Event);

    /// <summary>An asserted citizenship claim not yet resolved: it blocks every enforcement step.</summary>
    public bool ClaimOpen => ClaimAssertedAt is not null && ClaimOutcome is null;

    public bool HasCriminalCharge => Charges.Any(c => c.IsCriminal);

    /// <summary>The detainer is in effect: lodged, served on the person and not lifted.</summary>
    public bool DetainerInEffect => Detainer?.Stage == DetainerStage.Served;

    public CaseStatus Status =>
        Disposition is not null ? CaseStatus.Closed
        : TransferredToIceAt is not null ? CaseStatus.TransferredToIce
        : ReleasedAt is not null ? CaseStatus.ReleasedFromCustody
        : ClaimOpen ? CaseStatus.CitizenshipClaimPending
        : HoldExpiredAt is not null ? CaseStatus.HoldExpired
        : Hold is not null ? CaseStatus.HoldActive
        : Detainer?.Stage == DetainerStage.Lifted ? CaseStatus.DetainerLifted
        : Review?.Stage == ReviewStage.Approved ? CaseStatus.AwaitingRelease
        : Review?.Stage == ReviewStage.Returned ? CaseStatus.ReturnedForCorrection
        : Review?.Stage == ReviewStage.Pending ? CaseStatus.PendingSupervisoryReview
        : I213PreparedBy is not null || ChargingDocument is not null ? CaseStatus.Processing
        : Model == ProgramModel.WSO ? WsoStatus
        : Detainer?.Stage switch
        {
            DetainerStage.Served => CaseStatus.DetainerActive,
            DetainerStage.Lodged => CaseStatus.DetainerLodged,
            DetainerStage.Approved => CaseStatus.DetainerApproved,
            DetainerStage.Returned => CaseStatus.DetainerReturned,
            DetainerStage.Prepared => CaseStatus.DetainerPendingReview,
            _ => Determination is not null ? CaseStatus.Determined
                : ScreeningOpenedAt is not null ? CaseStatus.Screening
                : CaseStatus.Booked,
        };

    /// <summary>WSO path: Booked → WarrantOnFile → AwaitingRelease (release-eligible or warrant served) → HoldActive.</summary>
    private CaseStatus WsoStatus =>
        IceWarrant is null ? CaseStatus.Booked
        : ReleaseEligibleAt is not null || Warrant is not null ? CaseStatus.AwaitingRelease
        : CaseStatus.WarrantOnFile;

    public CaseFile AtHead(long version, string chainHead) => this with { Version = version, ChainHead = chainHead };
}
