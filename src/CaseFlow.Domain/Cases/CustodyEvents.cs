namespace CaseFlow.Domain.Cases;

/// <summary>The moment the person would otherwise go free (charges disposed, bond posted, sentence served).</summary>
public sealed record ReleaseEligible(DateTimeOffset At) : CaseEvent;

/// <summary>
/// The jail holds the person for ICE from <paramref name="From"/>. CaseFlow appends this itself, never a client: at the
/// instant the person is release-eligible with a detainer in effect (<see cref="HoldClock"/>). The deadline and the
/// policy that set it are computed once, when the hold starts, and carried here so replays never read configuration.
/// </summary>
public sealed record HoldStarted(DateTimeOffset From, DateTimeOffset? Deadline = null, string? PolicyVersion = null) : CaseEvent;

/// <summary>The officer served and executed the warrant; the interpreter is named when one was used.</summary>
public sealed record WarrantServed(DateTimeOffset ServedAt, WarrantType WarrantType, string? InterpreterName = null) : CaseEvent;

/// <summary>
/// The hold ran out with the person still held: CaseFlow appends this itself when the deadline passes, and the jail
/// must now release the person (or record a release or transfer that happened in time, which voids nothing: a
/// transfer within the deadline simply stands beside it).
/// </summary>
public sealed record HoldExpired(DateTimeOffset At) : CaseEvent;

/// <summary>
/// CaseFlow withdrew the hold it had started (and its expiry, if the clock had run out) because a void removed the
/// hold's basis: the release eligibility or the detainer's effect. Appended in the void's own transaction.
/// </summary>
public sealed record HoldWithdrawn(IReadOnlyList<Guid> WithdrawnEventIds, Guid VoidedEventId, DateTimeOffset At) : CaseEvent;

/// <summary>ICE took custody.</summary>
public sealed record CustodyTransferredToIce(DateTimeOffset At, string IceOffice) : CaseEvent;

public enum ReleaseReason
{
    ChargesDismissed,
    Bonded,
    SentenceServed,
    HoldExpired,
    DetainerLifted,
    CitizenshipConfirmed,
    Other,
}

/// <summary>The person left the jail's custody other than to ICE.</summary>
public sealed record ReleasedFromLocalCustody(DateTimeOffset At, ReleaseReason Reason) : CaseEvent;

public enum Disposition
{
    TransferredToIce,
    ReleasedWithoutTransfer,
    NoAction,
    CitizenshipConfirmed,
    DetainerLifted,
    TransferredToAnotherAgency,
}

/// <summary>The case ended.</summary>
public sealed record CaseClosed(DateTimeOffset ClosedAt, Disposition Disposition) : CaseEvent;

/// <summary>A correction: the named event of this case is void (it stays in the history, its effect is gone).</summary>
public sealed record EventVoided(Guid VoidedEventId, string Reason) : CaseEvent;

/// <summary>The person was transferred to another agency's custody (a booking correction).</summary>
public sealed record TransferredToAgency(string ToOri, DateTimeOffset At) : CaseEvent;

/// <summary>The hold policy: 48 clock hours (the MOA's reading; 8 CFR 287.7(d) once excluded weekends and holidays).</summary>
public static class HoldPolicy
{
    public const string Version = "hold-48h-clock/1";
    public static readonly TimeSpan Limit = TimeSpan.FromHours(48);

    public static HoldStarted Start(DateTimeOffset from) => new(from, from + Limit, Version);
}
