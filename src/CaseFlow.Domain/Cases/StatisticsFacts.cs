namespace CaseFlow.Domain.Cases;

/// <summary>
/// The immigration status the officer found, as ICE's monthly 287(g) reports describe a person's immigration history
/// (domain.md section 3). A closed vocabulary; absent means not recorded.
/// </summary>
public enum ImmigrationStatus
{
    EnteredWithoutInspection,
    VisaOverstay,
    LawfulPermanentResident,
    PreviouslyRemoved,
    Other,
}

/// <summary>A prior conviction is of a crime: a felony or a misdemeanour (an infraction or a civil matter is no conviction).</summary>
public enum ConvictionLevel
{
    Felony,
    Misdemeanor,
}

/// <summary>
/// The offence categories of ICE's enforcement statistics (the NCIC-derived categories of ERO's annual reports), a
/// closed vocabulary: enough to count by, never a docket, a statute citation or a name.
/// </summary>
public enum OffenceCategory
{
    Homicide,
    Kidnapping,
    SexualAssault,
    SexOffenses,
    Robbery,
    Assault,
    WeaponOffenses,
    Burglary,
    Larceny,
    StolenVehicle,
    FraudulentActivities,
    DangerousDrugs,
    DrivingUnderTheInfluence,
    TrafficOffenses,
    FamilyOffenses,
    ObstructingPolice,
    ObstructingJudiciary,
    PublicPeace,
    Immigration,
    Other,
}

/// <summary>A conviction the records check found: its level and offence category only.</summary>
public sealed record PriorConviction(ConvictionLevel Level, OffenceCategory Category)
{
    public ChargeLevel AsChargeLevel => Level == ConvictionLevel.Felony ? ChargeLevel.Felony : ChargeLevel.Misdemeanor;
}
