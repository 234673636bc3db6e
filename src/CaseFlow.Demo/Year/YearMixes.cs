using CaseFlow.Domain;

namespace CaseFlow.Demo.Year;

/// <summary>
/// Every share and mix of the demo year, named once: docs/demo.md gives each with its source or reasoning, and the
/// tests check the drawn year against these very values.
/// </summary>
public static class YearMixes
{
    // Governance
    public const double BackgroundCheckFailure = 0.03;
    public const double Refresher = 0.25;
    public const double Revocation = 0.08;
    public const double MidYearNominees = 0.15;
    public const double Complaint = 0.06;
    public const double ComplaintNoticeLate = 0.2;
    public const double ComplaintOutcomeLate = 0.15;

    public static readonly Mix<TrainingPath> Training = new(
        (TrainingPath.Passed, 88), (TrainingPath.RemedialPassed, 8.5), (TrainingPath.RemedialFailed, 1.5), (TrainingPath.TwoFailed, 2));

    public static IReadOnlyList<string> Exams(ProgramModel model) => model == ProgramModel.JEM
        ? ["Immigration law", "Removal procedures", "Detainers and warrants"]
        : ["Warrant service"];

    public static readonly IReadOnlyList<string> RevocationReasons =
        ["Reassigned from detention duties", "Left the agency", "Misconduct finding (MOA §IV.D)"];

    public static readonly Mix<string> ComplaintOutcomes = new(("NotSustained", 40), ("Unfounded", 25), ("Exonerated", 15), ("Sustained", 12), ("Withdrawn", 8));

    // Booking and custody
    public const double EarlyRelease = 0.07;
    public const double TransferToAgency = 0.015;
    public const double ScheduledReleaseKnown = 0.35;
    public const double ChargesAmended = 0.04;
    public const double VoidedSchedule = 0.01;
    public const double VoidedNotice = 0.015;

    /// <summary>Booking to release eligibility (days): most leave within two weeks, a long tail serves sentences.</summary>
    public static readonly Mix<(double From, double To)> Stay = new(((0.5, 3), 35), ((3, 14), 35), ((14, 60), 22), ((60, 240), 8));

    public static readonly Mix<string> EarlyReleaseReasons = new(("Bonded", 70), ("ChargesDismissed", 30));

    // Screening
    public static readonly Mix<ClaimPath> Claims = new((ClaimPath.None, 96.5), (ClaimPath.Asserted, 2.5), (ClaimPath.Determined, 1));
    public const double ClaimReportLate = 0.15;
    public const double ClaimConfirmed = 0.3;
    public const double BiometricMatch = 0.85;
    public const double PriorConvictions = 0.45;
    public const double InterpreterUsed = 0.45;

    public static readonly Mix<string> Determinations = new(("Removable", 84), ("NotRemovable", 9), ("InsufficientInformation", 7));

    public static readonly Mix<string> RemovableStatus = new(
        ("EnteredWithoutInspection", 62), ("VisaOverstay", 14), ("PreviouslyRemoved", 16), ("LawfulPermanentResident", 5), ("Other", 3));

    public static readonly Mix<string> NotRemovableStatus = new(("LawfulPermanentResident", 70), ("Other", 30));

    /// <summary>Countries of citizenship, approximating ICE ERO's removals by country (FY2023 annual report): Mexico and the Northern Triangle lead.</summary>
    public static readonly Mix<string> Countries = new(
        ("MX", 44), ("GT", 14), ("HN", 12), ("SV", 6), ("VE", 4), ("CO", 2.5), ("EC", 2.5), ("NI", 2), ("CU", 2), ("DO", 1.5),
        ("BR", 1.5), ("HT", 1), ("IN", 1), ("JM", 0.8), ("CN", 0.8), ("PE", 0.7), ("VN", 0.5), ("PH", 0.5), ("RO", 0.4), ("NG", 0.4),
        ("CA", 0.3), ("GB", 0.3), ("BZ", 0.3));

    public static readonly Mix<(string Level, string Category)> Convictions = new(
        (("Misdemeanor", "DrivingUnderTheInfluence"), 18), (("Misdemeanor", "TrafficOffenses"), 14), (("Felony", "DangerousDrugs"), 12),
        (("Misdemeanor", "Assault"), 10), (("Felony", "Assault"), 6), (("Misdemeanor", "Larceny"), 7), (("Misdemeanor", "PublicPeace"), 6),
        (("Felony", "Immigration"), 6), (("Misdemeanor", "ObstructingPolice"), 4), (("Felony", "Burglary"), 3), (("Misdemeanor", "FamilyOffenses"), 4),
        (("Felony", "WeaponOffenses"), 3), (("Felony", "FraudulentActivities"), 2), (("Felony", "SexOffenses"), 1.5), (("Felony", "Robbery"), 1.5),
        (("Felony", "StolenVehicle"), 1), (("Felony", "SexualAssault"), 0.5), (("Felony", "Kidnapping"), 0.2), (("Felony", "Homicide"), 0.2),
        (("Misdemeanor", "ObstructingJudiciary"), 1), (("Misdemeanor", "Other"), 1));

    public static readonly IReadOnlyList<string> Languages = ["Spanish", "Spanish", "Spanish", "K'iche'", "Mam", "Portuguese", "Haitian Creole", "Mandarin", "Vietnamese"];

    // Detainers (JEM)
    public const double DetainerReturned = 0.06;
    public const double ReviewClaimedFirst = 0.4;
    public const double ReleaseNotificationRequested = 0.3;
    public const double DetainerNoticeLate = 0.08;
    public const double PackageReturned = 0.12;
    public const double WarrantServedAtTransfer = 0.9;

    public static readonly Mix<Outcome> JemOutcomes = new((Outcome.Transferred, 74), (Outcome.HoldExpired, 8), (Outcome.Lifted, 12), (Outcome.Released, 6));

    public static readonly Mix<Outcome> WsoOutcomes = new((Outcome.Transferred, 78), (Outcome.HoldExpired, 8), (Outcome.Lifted, 9), (Outcome.Released, 5));

    /// <summary>ICE's detainer lift reasons (the Deportation Data Project's detainer dictionary), every one of them drawn.</summary>
    public static readonly Mix<string> LiftReasons = new(
        ("ProsecutorialDiscretion", 16), ("NotAmenableToRemoval", 10), ("EarlyRelease", 12), ("DeclinedByLea", 10), ("IceResourceConstraint", 9),
        ("InsufficientNotice", 7), ("NoLongerInCustody", 8), ("CaseClosed", 8), ("Superseded", 7), ("Duplicate", 5), ("BookedIntoDetention", 5),
        ("CitizenshipClaim", 3));

    public static readonly Mix<string> ChargingDocuments = new(
        ("NoticeToAppear", 62), ("ExpeditedRemoval", 9), ("AdministrativeRemoval", 6), ("VoluntaryReturn", 5), ("VoluntaryDeparture", 3));

    // Offline jails
    public const double OfflineJails = 0.08;

    /// <summary>An offline jail is a small one: at most this many expected cases a year.</summary>
    public const double OfflineAtMost = 700;
}

public enum ClaimPath
{
    None,
    Asserted,
    Determined,
}

/// <summary>How a case with a detainer or warrant on file ends.</summary>
public enum Outcome
{
    Transferred,
    HoldExpired,
    Lifted,
    Released,
}
