using System.Security.Claims;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Mints development tokens with <c>./ops/token</c>'s own code (<see cref="DevelopmentTokens"/>), under the test host's own random key.</summary>
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
        var all = DevelopmentTokens.Claims(role, subject ?? $"test-{role}-{Guid.NewGuid():N}", ori, officerId, fieldOffice, warrantAuthority);
        if (secondRole is not null)
            all.Add(new Claim(CaseFlowClaims.Role, secondRole));
        all.AddRange((claims ?? []).Select(c => new Claim(c.Name, c.Value)));
        all.RemoveAll(c => without?.Contains(c.Type) == true);

        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        var issued = expiry - (lifetime ?? AuthenticationSetup.DefaultMaxTokenLifetime);
        return DevelopmentTokens.Mint(all, unsigned ? null : signingKey ?? key, issued, expiry, issuer);
    }
}
