using CaseFlow.Domain;
using CaseFlow.Domain.Officers;

namespace CaseFlow.Server.Governance;

/// <summary>
/// Where an officer stands for one model at an instant: disqualified, certified, authorized, and the agency-local date
/// a refresher falls due (overdue once that local date has passed).
/// </summary>
public sealed record ModelStanding(
    ProgramModel Model, bool Disqualified, bool Certified, bool Authorized, DateTimeOffset? LastTrainedAt, DateOnly? RefresherDueOn, bool RefresherOverdue);

/// <summary>A roster line: the officer's status and per-model standing at <see cref="AsOf"/>.</summary>
public sealed record OfficerStanding(
    Guid Id, string Ori, string BadgeNumber, string FieldOfficeCode, DateTimeOffset AsOf, OfficerStatus Status, IReadOnlyList<ModelStanding> Models)
{
    /// <param name="timeZone">The agency's IANA time zone, whose local date the refresher interval is counted on.</param>
    public static OfficerStanding Of(Officer officer, DateTimeOffset asOf, RefresherPolicy refresher, string timeZone) => new(
        officer.Id, officer.Ori, officer.BadgeNumber, officer.FieldOfficeCode, asOf, officer.StatusAt(asOf),
        officer.NominatedFor.Select(model =>
        {
            var due = officer.RefresherDueOn(model, refresher, timeZone, asOf);
            return new ModelStanding(model, officer.DisqualifiedFor(model, asOf), officer.CertifiedFor(model, asOf),
                officer.IsAuthorizedAt(officer.Ori, model, asOf, refresher, timeZone), officer.LastTrainedAt(model, asOf), due,
                due < LocalDay.Of(asOf, timeZone));
        }).ToList());
}
