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

    /// <summary>
    /// The agency a governance record is made for: an agency's system or officer acts for its own ORI only; an admin
    /// names the agency in the request's <c>data.ori</c>. What is wrong goes to <paramref name="errors"/>.
    /// </summary>
    public string? AgencyFor(string? requestedOri, CaseFlow.Server.Platform.FieldErrors errors)
    {
        if (Role == Roles.Admin)
        {
            if (CaseFlow.Domain.Agencies.Ori.IsWellFormed(requestedOri))
                return requestedOri;
            errors.Add("data.ori", "data.ori must name the agency's 9-character ORI.");
            return null;
        }

        if (requestedOri is not null && requestedOri != Ori)
            errors.Add("data.ori", "An agency acts for itself only; leave data.ori out.");
        return Ori;
    }
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
