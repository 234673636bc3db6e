using System.Security.Claims;
using CaseFlow.Server.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Mints development tokens the way <c>./ops/token</c> does, under the test host's own random key.</summary>
public sealed class TestTokens(byte[] key)
{
    public string Base64Key => Convert.ToBase64String(key);

    /// <param name="lifetime">From issue to expiry (one hour unless given: the server's default cap).</param>
    /// <param name="claims">Further claims, under whatever name (another letter case of CaseFlow's, say).</param>
    /// <param name="without">Claims to leave out (<c>sub</c>, say).</param>
    /// <param name="unsigned">An unsigned token (<c>alg: none</c>).</param>
    public string For(string role, string? ori = null, string? fieldOffice = null, string? officerId = null,
        DateTime? expires = null, string issuer = AuthenticationSetup.DevelopmentIssuer, byte[]? signingKey = null,
        string? subject = null, string? warrantAuthority = null, string? secondRole = null,
        TimeSpan? lifetime = null, (string Name, string Value)[]? claims = null, string[]? without = null, bool unsigned = false)
    {
        var all = new List<Claim> { new(CaseFlowClaims.Subject, subject ?? $"test-{role}-{Guid.NewGuid():N}"), new(CaseFlowClaims.Role, role) };
        if (secondRole is not null)
            all.Add(new Claim(CaseFlowClaims.Role, secondRole));
        if ((warrantAuthority ?? (role == Roles.Supervisor ? "I-200 I-205" : null)) is { } authority)
            all.Add(new Claim(CaseFlowClaims.WarrantAuthority, authority));
        if (ori is not null)
            all.Add(new Claim(CaseFlowClaims.Ori, ori));
        if (fieldOffice is not null)
            all.Add(new Claim(CaseFlowClaims.FieldOffice, fieldOffice));
        if (officerId is not null)
            all.Add(new Claim(CaseFlowClaims.OfficerId, officerId));
        all.AddRange((claims ?? []).Select(c => new Claim(c.Name, c.Value)));
        all.RemoveAll(c => without?.Contains(c.Type) == true);

        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        var issued = expiry - (lifetime ?? AuthenticationSetup.DefaultMaxTokenLifetime);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = AuthenticationSetup.DevelopmentAudience,
            Subject = new ClaimsIdentity(all),
            NotBefore = issued,
            IssuedAt = issued,
            Expires = expiry,
            SigningCredentials = unsigned ? null : new SigningCredentials(new SymmetricSecurityKey(signingKey ?? key), SecurityAlgorithms.HmacSha256),
        });
    }
}
