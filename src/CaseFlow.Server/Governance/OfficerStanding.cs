using CaseFlow.Domain;
using CaseFlow.Domain.Officers;

namespace CaseFlow.Server.Governance;

/// <summary>Where an officer stands for one model at an instant: certified, authorized, and when a refresher is due.</summary>
public sealed record ModelStanding(ProgramModel Model, bool Certified, bool Authorized, DateTimeOffset? LastTrainedAt, DateTimeOffset? RefresherDue, bool RefresherOverdue);

/// <summary>A roster line: the officer's status and per-model standing at <see cref="AsOf"/>.</summary>
public sealed record OfficerStanding(
    Guid Id, string Ori, string BadgeNumber, string FieldOfficeCode, DateTimeOffset AsOf, OfficerStatus Status, IReadOnlyList<ModelStanding> Models)
{
    public static OfficerStanding Of(Officer officer, DateTimeOffset asOf, TimeSpan refresherInterval) => new(
        officer.Id, officer.Ori, officer.BadgeNumber, officer.FieldOfficeCode, asOf, officer.StatusAt(asOf),
        officer.NominatedFor.Select(model =>
        {
            var due = officer.RefresherDue(model, refresherInterval, asOf);
            return new ModelStanding(model, officer.CertifiedFor(model, asOf), officer.IsAuthorizedAt(officer.Ori, model, asOf, refresherInterval),
                officer.LastTrainedAt(model, asOf), due, due <= asOf);
        }).ToList());
}
