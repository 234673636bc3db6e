namespace CaseFlow.Domain.Agreements;

/// <summary>
/// The agreement (MOA) for one agency and model, as ICE lists it. It takes effect on signature by both
/// parties; <paramref name="SignedOn"/> is ICE's "SIGNED" date, read in the agency's own time zone.
/// </summary>
public sealed record AgreementSigned(
    Guid AgreementId,
    string Ori,
    bool OriIsSurrogate,
    string AgencyName,
    string StateCode,
    string? County,
    ProgramModel Model,
    DateOnly SignedOn,
    string FieldOfficeCode,
    string TimeZone,
    DateOnly ListedOn,
    string Source);

/// <summary>An addendum to the MOA was signed.</summary>
public sealed record AddendumRecorded(DateOnly SignedOn, string Text);

/// <summary>ICE suspended the agreement (at once, for serious misconduct); <paramref name="Until"/> if ICE set an end.</summary>
public sealed record AgreementSuspended(DateTimeOffset EffectiveAt, string Reason, DateOnly? Until = null);

/// <summary>The suspension ended; the agreement is in force again.</summary>
public sealed record SuspensionLifted(DateTimeOffset EffectiveAt);

public enum TerminatingParty
{
    Ice,
    Agency,
}

/// <summary>
/// A party gave written notice of termination. It takes effect <see cref="AgreementPolicy.TerminationNotice"/> (90
/// days) after the notice unless the notice states another date; the effective date is fixed here, once.
/// </summary>
public sealed record TerminationNoticed(DateOnly NoticeDate, DateOnly EffectiveOn, TerminatingParty ByParty);

/// <summary>The agreement ended.</summary>
public sealed record AgreementTerminated(DateTimeOffset EffectiveAt, string Reason);

public enum ReviewMeetingType
{
    Initial,
    Annual,
    Triennial,
}

/// <summary>A review of the agreement: the initial review, the annual FOD–LEA meeting or ICE's triennial review.</summary>
public sealed record ReviewMeetingHeld(DateOnly HeldOn, ReviewMeetingType Type);
