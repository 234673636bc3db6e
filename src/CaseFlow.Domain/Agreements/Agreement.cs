using CaseFlow.Domain.Integrity;

namespace CaseFlow.Domain.Agreements;

public enum AgreementStatus
{
    Active,
    Suspended,
    Terminated,
}

/// <summary>From <see cref="From"/> on (until the next period) the agreement had <see cref="Status"/>.</summary>
public sealed record AgreementPeriod(DateTimeOffset From, AgreementStatus Status);

/// <summary>
/// One agency's agreement for one model, with its effective-dated status: the periods in which it was active,
/// suspended or terminated, ordered by when each took effect (a late-recorded event lands where it belongs).
/// </summary>
public sealed record Agreement : IChainedState<Agreement>
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string ChainHead { get; init; } = "";
    public required string Ori { get; init; }
    public bool OriIsSurrogate { get; init; }
    public required string AgencyName { get; init; }
    public required string StateCode { get; init; }
    public string? County { get; init; }
    public ProgramModel Model { get; init; }
    public DateOnly SignedOn { get; init; }
    public required string FieldOfficeCode { get; init; }
    public required string TimeZone { get; init; }
    public DateOnly ListedOn { get; init; }
    public required string Source { get; init; }
    public IReadOnlyList<AgreementPeriod> Periods { get; init; } = [];
    public TerminationNoticed? TerminationNotice { get; init; }
    public IReadOnlyList<AddendumRecorded> Addenda { get; init; } = [];
    public IReadOnlyList<ReviewMeetingHeld> ReviewMeetings { get; init; } = [];

    /// <summary>The stable sort and paging key of agreement lists.</summary>
    public string Key => $"{Ori}:{Model}";

    /// <summary>The status at an instant; null before the agreement took effect.</summary>
    public AgreementStatus? StatusAt(DateTimeOffset instant) => Periods.LastOrDefault(p => p.From <= instant)?.Status;

    /// <summary>Whether the agreement was in force (signed, and neither suspended nor terminated) at an instant.</summary>
    public bool IsInForceAt(DateTimeOffset instant) => StatusAt(instant) == AgreementStatus.Active;

    /// <summary>The start of a calendar day in the agency's time zone: when a dated act (signature, termination) takes effect.</summary>
    public DateTimeOffset StartOf(DateOnly day) => LocalDay.Start(day, TimeZone);

    public Agreement AtHead(long version, string chainHead) => this with { Version = version, ChainHead = chainHead };

    public static Agreement Sign(AgreementSigned e)
    {
        var agreement = new Agreement
        {
            Id = e.AgreementId,
            Ori = e.Ori,
            OriIsSurrogate = e.OriIsSurrogate,
            AgencyName = e.AgencyName,
            StateCode = e.StateCode,
            County = e.County,
            Model = e.Model,
            SignedOn = e.SignedOn,
            FieldOfficeCode = e.FieldOfficeCode,
            TimeZone = e.TimeZone,
            ListedOn = e.ListedOn,
            Source = e.Source,
        };
        return agreement with { Periods = [new AgreementPeriod(agreement.StartOf(e.SignedOn), AgreementStatus.Active)] };
    }

    static Agreement? IChainedState<Agreement>.Evolve(Agreement? state, Guid eventId, object @event) => Evolve(state, @event);

    public static Agreement? Evolve(Agreement? state, object @event) => (state, @event) switch
    {
        (_, AgreementSigned e) => Sign(e),
        (not null, AgreementSuspended e) => state.With(e.EffectiveAt, AgreementStatus.Suspended),
        (not null, SuspensionLifted e) => state.With(e.EffectiveAt, AgreementStatus.Active),
        (not null, TerminationNoticed e) => state.With(state.StartOf(e.EffectiveOn), AgreementStatus.Terminated) with { TerminationNotice = e },
        (not null, AgreementTerminated e) => state.With(e.EffectiveAt, AgreementStatus.Terminated),
        (not null, AddendumRecorded e) => state with { Addenda = [.. state.Addenda, e] },
        (not null, ReviewMeetingHeld e) => state with { ReviewMeetings = [.. state.ReviewMeetings, e] },
        _ => state,
    };

    private Agreement With(DateTimeOffset from, AgreementStatus status) =>
        this with { Periods = [.. Periods.Append(new AgreementPeriod(from, status)).OrderBy(p => p.From)] };
}
