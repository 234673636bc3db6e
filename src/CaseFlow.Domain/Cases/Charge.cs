using System.Text.Json.Serialization;

namespace CaseFlow.Domain.Cases;

public enum ChargeLevel
{
    Felony,
    Misdemeanor,
    Infraction,
    Civil,
}

/// <summary>A charge the person was booked on: the statute or local code, its text and its level.</summary>
public sealed record Charge(string Code, string Description, ChargeLevel Level)
{
    /// <summary>287(g) processing needs a criminal arrest: a felony or a misdemeanour, not an infraction or a civil matter.</summary>
    [JsonIgnore]
    public bool IsCriminal => Level is ChargeLevel.Felony or ChargeLevel.Misdemeanor;
}
