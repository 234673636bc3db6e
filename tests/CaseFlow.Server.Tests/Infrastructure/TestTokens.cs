using System.Security.Claims;
using CaseFlow.Server.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Mints development tokens the way <c>./ops/token</c> does, under the test host's own random key.</summary>
public sealed class TestTokens(byte[] key)
{
    public string Base64Key => Convert.ToBase64String(key);

    public string For(string role, string? ori = null, string? fieldOffice = null, string? officerId = null,
        DateTime? expires = null, string issuer = AuthenticationSetup.DevelopmentIssuer, byte[]? signingKey = null,
        string? subject = null, string? warrantAuthority = null, string? secondRole = null)
    {
        var claims = new List<Claim> { new(CaseFlowClaims.Subject, subject ?? $"test-{role}-{Guid.NewGuid():N}"), new(CaseFlowClaims.Role, role) };
        if (secondRole is not null)
            claims.Add(new Claim(CaseFlowClaims.Role, secondRole));
        if ((warrantAuthority ?? (role == Roles.Supervisor ? "I-200 I-205" : null)) is { } authority)
            claims.Add(new Claim(CaseFlowClaims.WarrantAuthority, authority));
        if (ori is not null)
            claims.Add(new Claim(CaseFlowClaims.Ori, ori));
        if (fieldOffice is not null)
            claims.Add(new Claim(CaseFlowClaims.FieldOffice, fieldOffice));
        if (officerId is not null)
            claims.Add(new Claim(CaseFlowClaims.OfficerId, officerId));

        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = AuthenticationSetup.DevelopmentAudience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expiry.AddHours(-1),
            IssuedAt = expiry.AddHours(-1),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? key), SecurityAlgorithms.HmacSha256),
        });
    }
}
