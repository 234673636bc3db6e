using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseFlow.Server.Security;

/// <summary>
/// The one minting of development tokens (HS256 under <c>Auth__DevelopmentKey</c>), used by <c>./ops/token</c>
/// (through CaseFlow.DevTokens) and by the tests, so the claims a developer's token carries are the ones tested.
/// </summary>
public static class DevelopmentTokens
{
    public const string DefaultWarrantAuthority = "I-200 I-205";

    /// <summary>The claims of a caller in <paramref name="role"/>; a supervisor may issue both warrants unless told otherwise.</summary>
    public static List<Claim> Claims(string role, string subject, string? ori = null, string? officerId = null, string? fieldOffice = null, string? warrantAuthority = null)
    {
        var claims = new List<Claim> { new(CaseFlowClaims.Subject, subject), new(CaseFlowClaims.Role, role) };
        if ((warrantAuthority ?? (role == Roles.Supervisor ? DefaultWarrantAuthority : null)) is { } authority)
            claims.Add(new Claim(CaseFlowClaims.WarrantAuthority, authority));
        if (ori is not null)
            claims.Add(new Claim(CaseFlowClaims.Ori, ori));
        if (fieldOffice is not null)
            claims.Add(new Claim(CaseFlowClaims.FieldOffice, fieldOffice));
        if (officerId is not null)
            claims.Add(new Claim(CaseFlowClaims.OfficerId, officerId));
        claims.Add(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()));
        return claims;
    }

    /// <summary>A token for the development audience, valid from <paramref name="issued"/>; unsigned (<c>alg: none</c>) without a key.</summary>
    public static string Mint(IEnumerable<Claim> claims, byte[]? key, DateTime issued, DateTime expires, string issuer = AuthenticationSetup.DevelopmentIssuer) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = AuthenticationSetup.DevelopmentAudience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = issued,
            IssuedAt = issued,
            Expires = expires,
            SigningCredentials = key is null ? null : new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
}
