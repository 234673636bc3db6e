using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Governance;

/// <summary>The agreements and officers a caller reaches (design.md): an agency its own, a supervisor the field office's, everyone else all.</summary>
public static class GovernanceReach
{
    public static IQueryable<Agreement> InReachOf(this IQueryable<Agreement> query, CallerScope scope) =>
        scope.IsAgency ? query.Where(a => a.Ori == scope.Ori)
        : scope.IsSupervisor ? query.Where(a => a.FieldOfficeCode == scope.FieldOffice)
        : query;

    public static IQueryable<Officer> InReachOf(this IQueryable<Officer> query, CallerScope scope) =>
        scope.IsAgency ? query.Where(o => o.Ori == scope.Ori)
        : scope.IsSupervisor ? query.Where(o => o.FieldOfficeCode == scope.FieldOffice)
        : query;
}
