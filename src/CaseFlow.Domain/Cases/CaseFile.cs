using CaseFlow.Domain.Integrity;

namespace CaseFlow.Domain.Cases;

public enum CaseStatus
{
    Booked,
}

/// <summary>The state of one 287(g) case, evolved from its events; its summary is what a writer reads back at once.</summary>
public sealed record CaseFile : IChainedState<CaseFile>
{
    public Guid Id { get; init; }
    public long Version { get; init; }
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
    public CaseStatus Status { get; init; }

    /// <summary>The integrity hash of the stream's latest event: the head of its chain.</summary>
    public string ChainHead { get; init; } = "";

    public CaseFile AtHead(long version, string chainHead) => this with { Version = version, ChainHead = chainHead };

    public static CaseFile Open(BookingRecorded e) => new()
    {
        Id = e.CaseId,
        Ori = e.Ori,
        Model = e.Model,
        BookingNumber = e.BookingNumber,
        BookedAt = e.BookedAt,
        Charges = e.Charges,
        ScheduledRelease = e.ScheduledRelease,
        SubjectRef = e.SubjectRef,
        AgreementId = e.AgreementId,
        FieldOfficeCode = e.FieldOfficeCode,
        TimeZone = e.TimeZone,
        Status = CaseStatus.Booked,
    };

    /// <summary>The state after one more event; events this state does not track leave it as it is.</summary>
    public static CaseFile? Evolve(CaseFile? state, object @event) => (state, @event) switch
    {
        (_, BookingRecorded e) => Open(e),
        (not null, ScheduledReleaseSet e) => state with { ScheduledRelease = e.At },
        (not null, ChargesAmended e) => state with { Charges = e.Charges },
        _ => state,
    };
}
