using CaseFlow.Domain;
using CaseFlow.Domain.Statistics;

namespace CaseFlow.Server.Statistics;

/// <summary>What the figures cover: <c>jurisdiction</c> (an ORI), <c>state</c>, <c>field-office</c> or <c>national</c>, and one model or both.</summary>
public sealed record StatisticsScope(string Level, string? Code, ProgramModel? Model);

/// <summary>A count under one breakdown key: a probable-cause basis, a criminality class, a lift reason, a document type or a country.</summary>
public sealed record KeyCount(string Key, int Count);

/// <summary>
/// Every measure over one period (a month <c>YYYY-MM</c>, or the fiscal year <c>FY2026</c>), each defined in
/// docs/statistics.md. Durations are <c>percentile_disc</c> over the period's own facts' whole minutes, exact under 128
/// minutes and at most 1/64 below the exact value above that; rates are null when nothing was due. Officer and
/// agreement figures are as of the period's last day.
/// </summary>
public sealed record PeriodFigures(
    string Period,
    int BookingsReferred,
    int BookingsScreened,
    int Encounters,
    int CitizenshipClaims,
    int CitizenshipClaimsResolved,
    TimeSpan? ClaimResolutionMedian,
    TimeSpan? ClaimResolutionP90,
    int DetainersLodged,
    IReadOnlyList<KeyCount> DetainersByBasis,
    IReadOnlyList<KeyCount> DetainersByCriminality,
    int DetainerNoticesDue,
    int DetainerNoticesWithin24h,
    decimal? DetainerNoticeRate,
    int DetainersLifted,
    IReadOnlyList<KeyCount> DetainersLiftedByReason,
    int I213s,
    int ChargingDocuments,
    IReadOnlyList<KeyCount> ChargingDocumentsByType,
    int SupervisoryReviews,
    int ReturnedForCorrection,
    decimal? ReturnForCorrectionRate,
    TimeSpan? ReviewDecisionMedian,
    int Releases,
    int HoldsStarted,
    int HoldsExpiredWithoutPickup,
    int CustodyTransfers,
    TimeSpan? EligibilityToTransferMedian,
    IReadOnlyList<KeyCount> TopCountries,
    int CertifiedOfficers,
    int OfficersRefresherOverdue,
    int ComplaintsReceived,
    int ComplaintsReportedLate,
    int AgreementsInForceJem,
    int AgreementsInForceWso);

/// <summary>
/// A statistics answer: the scope, the fiscal year (and month, if one was asked for), the encounter definition, the
/// program totals, the month-by-month series and the period's total, and the event <c>position</c> it is current up to.
/// </summary>
/// <param name="Position">The global event position the statistics had applied when read: every write answered with a position at or below it is counted.</param>
/// <param name="Stale">True when the request named a <c>position</c> the statistics had not reached within the wait.</param>
public sealed record StatisticsAnswer(
    StatisticsScope Scope, int FiscalYear, string? Month, EncounterDefinition EncounterPolicy, ProgramTotals ProgramTotals,
    IReadOnlyList<PeriodFigures> Months, PeriodFigures Total, long Position, bool Stale);
