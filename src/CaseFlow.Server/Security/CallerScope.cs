using System.Security.Claims;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;

namespace CaseFlow.Server.Security;

/// <summary>
/// What the caller may see: an agency's systems and officers their own ORI, a supervisor their field office,
/// everyone else everything their policy lets them reach. Objects out of scope are answered 404. Read from the
/// principal <see cref="TokenPrincipal"/> made at authentication, where each claim is present once under its own name.
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
    /// The officer an event is recorded for: an officer's token speaks for its own badge, and an agency's system for
    /// the officer of its own agency it names in the envelope's <c>officerId</c>. Nobody else speaks for an officer.
    /// </summary>
    public string? ActingOfficer(string? named) => OfficerId ?? (Role == Roles.ScreeningSystem ? named : null);

    /// <summary>Why the envelope's <c>officerId</c> is refused (403): a badge this caller does not speak for.</summary>
    public Microsoft.AspNetCore.Mvc.ProblemDetails? OfficerRefusal(string? named) =>
        named is null || named == ActingOfficer(named) ? null
        : OfficerId is not null ? Problems.Forbidden("officer-mismatch", "You may act only as yourself", "The envelope's officerId names another officer than your token.")
        : Problems.Forbidden("officer-not-yours", "You may not name an officer",
            "Only an officer's own token, or its agency's system, records a step for an officer; leave officerId out.");

    /// <summary>
    /// The agency a governance record is made for: an agency's system or officer acts for its own ORI only; an admin
    /// names the agency in the request's <c>data.ori</c>. What is wrong goes to <paramref name="errors"/>.
    /// </summary>
    public string? AgencyFor(string? requestedOri, FieldErrors errors)
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

    public bool CanSee(CaseStanding @case) => CanSee(@case.Ori, @case.FieldOfficeCode);

    public bool CanSee(Officer officer) => CanSee(officer.Ori, officer.FieldOfficeCode);

    public bool CanSee(Complaint complaint) => CanSee(complaint.Ori, complaint.FieldOfficeCode);

    private bool CanSee(string ori, string fieldOffice) =>
        IsAgency ? ori == Ori
        : IsSupervisor ? fieldOffice == FieldOffice
        : true;
}
