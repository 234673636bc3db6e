using System.Security.Claims;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;

namespace CaseFlow.Server.Security;

/// <summary>
/// What the caller may see: an agency's systems and officers their own ORI, a supervisor their field office,
/// everyone else everything their policy lets them reach. Objects out of scope are answered 404.
/// </summary>
public sealed record CallerScope(string Subject, string Role, string? Ori, string? FieldOffice, string? OfficerId)
{
    /// <summary>The warrant types this caller may issue; none unless the token says so.</summary>
    public IReadOnlySet<WarrantType> WarrantAuthority { get; init; } = new HashSet<WarrantType>();

    public static CallerScope From(ClaimsPrincipal user) => new(
        user.FindFirstValue(CaseFlowClaims.Subject) ?? "",
        user.FindFirstValue(CaseFlowClaims.Role) ?? "",
        user.FindFirstValue(CaseFlowClaims.Ori),
        user.FindFirstValue(CaseFlowClaims.FieldOffice),
        user.FindFirstValue(CaseFlowClaims.OfficerId))
    {
        WarrantAuthority = (user.FindFirstValue(CaseFlowClaims.WarrantAuthority) ?? "")
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Replace("-", "", StringComparison.Ordinal))
            .Select(w => Enum.TryParse<WarrantType>(w, ignoreCase: true, out var type) ? type : (WarrantType?)null)
            .OfType<WarrantType>()
            .ToHashSet(),
    };

    public bool IsAgency => Role is Roles.ScreeningSystem or Roles.Officer;
    public bool IsSupervisor => Role is Roles.Supervisor;

    public bool CanSee(Agreement agreement) => CanSee(agreement.Ori, agreement.FieldOfficeCode);

    public bool CanSee(CaseFile @case) => CanSee(@case.Ori, @case.FieldOfficeCode);

    public bool CanSee(Officer officer) => CanSee(officer.Ori, officer.FieldOfficeCode);

    public bool CanSee(Complaint complaint) => CanSee(complaint.Ori, complaint.FieldOfficeCode);

    private bool CanSee(string ori, string fieldOffice) =>
        IsAgency ? ori == Ori
        : IsSupervisor ? fieldOffice == FieldOffice
        : true;
}
