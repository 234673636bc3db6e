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
