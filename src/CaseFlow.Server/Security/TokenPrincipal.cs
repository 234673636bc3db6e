using System.Security.Claims;
using CaseFlow.Domain.Agencies;
using CaseFlow.Server.Intake;

namespace CaseFlow.Server.Security;

/// <summary>
/// The one principal every policy and <see cref="CallerScope"/> reads, made once when a token is validated. A token's
/// identity matches claim names exactly while a policy's <c>RequireClaim</c> matches them in any letter case, so a
/// token carrying <c>role</c> and <c>ROLE</c> could pass a policy as one role and be scoped as the other. Here each of
/// CaseFlow's claims is found in any letter case, at most once, and checked; the principal holds those claims alone,
/// under their own names. A refusal (401) never repeats a value the token carried.
/// </summary>
public static class TokenPrincipal
{
    public const int MaxSubjectLength = 200;
    private const int MaxOfficerIdLength = EventEnvelope<object>.MaxOfficerIdLength;

    private static readonly string[] Names =
        [CaseFlowClaims.Subject, CaseFlowClaims.Role, CaseFlowClaims.Ori, CaseFlowClaims.FieldOffice, CaseFlowClaims.OfficerId, CaseFlowClaims.WarrantAuthority];

    /// <summary>The scope claims a role cannot act without: an agency's ORI, an officer's badge, a supervisor's field office.</summary>
    private static readonly Dictionary<string, string[]> Needed = new()
    {
        [Roles.ScreeningSystem] = [CaseFlowClaims.Ori],
        [Roles.Officer] = [CaseFlowClaims.Ori, CaseFlowClaims.OfficerId],
        [Roles.Supervisor] = [CaseFlowClaims.FieldOffice],
    };

    /// <summary>The normalised principal of a validated token, or why the token is refused.</summary>
    public static (ClaimsPrincipal? Principal, string? Refusal) Normalise(ClaimsPrincipal token, string authenticationType)
    {
        var claims = new Dictionary<string, string>();
        foreach (var name in Names)
        {
            var found = token.Claims.Where(c => string.Equals(c.Type, name, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
            if (found.Count > 1)
                return (null, $"The token carries its {name} claim more than once (in some letter case).");
            if (found.Count == 1)
                claims[name] = found[0].Value;
        }

        if (RefusalOf(claims) is { } refusal)
            return (null, refusal);
        var identity = new ClaimsIdentity(claims.Select(c => new Claim(c.Key, c.Value)), authenticationType, CaseFlowClaims.Subject, CaseFlowClaims.Role);
        return (new ClaimsPrincipal(identity), null);
    }

    private static string? RefusalOf(Dictionary<string, string> claims)
    {
        var role = claims.GetValueOrDefault(CaseFlowClaims.Role);
        if (!IsPrintable(claims.GetValueOrDefault(CaseFlowClaims.Subject), MaxSubjectLength))
            return "The token names no subject (sub), or not in printable characters.";
        if (role is null || !Roles.All.Contains(role))
            return "The token carries no role of CaseFlow's.";
        if (claims.TryGetValue(CaseFlowClaims.Ori, out var ori) && !Ori.IsWellFormed(ori))
            return "The token's ori claim is not a 9-character ORI.";
        if (claims.TryGetValue(CaseFlowClaims.FieldOffice, out var office) && !IsFieldOfficeCode(office))
            return "The token's field_office claim is not a 3-letter field office code.";
        if (claims.TryGetValue(CaseFlowClaims.OfficerId, out var badge) && !IsPrintable(badge, MaxOfficerIdLength))
            return $"The token's officer_id claim is not 1 to {MaxOfficerIdLength} printable characters.";
        return Needed.GetValueOrDefault(role, []).Any(name => !claims.ContainsKey(name))
            ? "The token lacks a scope claim its role needs (ori; officer_id for an officer; field_office for a supervisor)."
            : null;
    }

    private static bool IsFieldOfficeCode(string value) => value is { Length: 3 } && value.All(char.IsAsciiLetterUpper);

    private static bool IsPrintable(string? value, int maxLength) =>
        value is { Length: > 0 } && value.Length <= maxLength && !value.Any(char.IsControl) && value.Trim().Length == value.Length;
}
