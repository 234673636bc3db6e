namespace CaseFlow.Domain.Agreements;

public enum AgreementStatus
{
    Active,
}

/// <summary>The current state of one agency's agreement for one model.</summary>
public sealed record Agreement
{
    public Guid Id { get; init; }
    public long Version { get; set; }
    public required string Ori { get; init; }
    public bool OriIsSurrogate { get; init; }
    public required string AgencyName { get; init; }
    public required string StateCode { get; init; }
    public string? County { get; init; }
    public ProgramModel Model { get; init; }
    public DateOnly SignedOn { get; init; }
    public required string FieldOfficeCode { get; init; }
    public required string TimeZone { get; init; }
    public AgreementStatus Status { get; init; }
    public DateOnly ListedOn { get; init; }
    public required string Source { get; init; }

    /// <summary>
    /// Whether the agreement was in force at an instant. An MOA takes effect on signature by both parties, so
    /// from the start of the signing date in the agency's own time zone.
    /// </summary>
    public bool IsInForceAt(DateTimeOffset instant) =>
        Status == AgreementStatus.Active && instant >= StartOfDay(SignedOn, TimeZone);

    private static DateTimeOffset StartOfDay(DateOnly date, string timeZone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(timeZone).GetUtcOffset(local));
    }

    /// <summary>The stable sort and paging key of agreement lists.</summary>
    public string Key => $"{Ori}:{Model}";

    public static Agreement Create(AgreementSigned e) => new()
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
        Status = AgreementStatus.Active,
        ListedOn = e.ListedOn,
        Source = e.Source,
    };
}
