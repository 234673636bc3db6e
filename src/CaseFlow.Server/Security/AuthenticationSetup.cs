using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseFlow.Server.Security;

/// <summary>
/// JWT bearer authentication. Production tokens come from an OIDC authority (<c>Auth:Authority</c>,
/// <c>Auth:Audience</c>), validated for issuer, audience, lifetime and signing key; a token may live at most
/// <c>Auth:MaxTokenLifetime</c>, and its claims are made into the one principal the rest of the service reads
/// (<see cref="TokenPrincipal"/>). Development tokens
/// (<c>./ops/token</c>, issuer <c>caseflow-dev</c>, HS256) are accepted only where <c>Auth:DevelopmentKey</c>
/// is configured, which <c>./ops/run</c> and the tests do and a production deployment does not.
/// </summary>
public static class AuthenticationSetup
{
    public const string DevelopmentIssuer = "caseflow-dev";
    public const string DevelopmentAudience = "caseflow";
    private const string DevelopmentScheme = "Development";
    private const string SelectorScheme = "CaseFlowBearer";
    public static readonly TimeSpan DefaultMaxTokenLifetime = TimeSpan.FromHours(1);

    public static void AddCaseFlowAuthentication(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth");
        var developmentKey = auth["DevelopmentKey"];
        var authority = auth["Authority"];
        var maxLifetime = auth.GetValue("MaxTokenLifetime", DefaultMaxTokenLifetime);
        if (maxLifetime <= TimeSpan.Zero)
            throw new InvalidOperationException("Auth:MaxTokenLifetime must be a positive time span such as 01:00:00.");
        var events = new JwtBearerEvents { OnTokenValidated = context => Normalise(context, maxLifetime) };

        var authentication = builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer token", o => o.ForwardDefaultSelector = context =>
                developmentKey is not null && IssuerOf(context.Request.Headers.Authorization.ToString()) == DevelopmentIssuer
                    ? DevelopmentScheme
                    : JwtBearerDefaults.AuthenticationScheme);

        authentication.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.Events = events;
            o.IncludeErrorDetails = false;
            o.Authority = authority;
            o.Audience = auth["Audience"];
            o.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
            o.MapInboundClaims = false;
            o.TokenValidationParameters = Common(o.TokenValidationParameters);
            // Without an authority nothing can validate a production token: refuse every one of them.
            if (authority is null)
                o.TokenValidationParameters.SignatureValidator = (_, _) => throw new SecurityTokenSignatureKeyNotFoundException("No Auth:Authority is configured.");
        });

        if (developmentKey is not null)
        {
            authentication.AddJwtBearer(DevelopmentScheme, o =>
            {
                o.Events = events;
                o.IncludeErrorDetails = false;
                o.MapInboundClaims = false;
                o.TokenValidationParameters = Common(new TokenValidationParameters
                {
                    ValidIssuer = DevelopmentIssuer,
                    ValidAudience = DevelopmentAudience,
                    IssuerSigningKey = new SymmetricSecurityKey(DecodeKey(developmentKey)),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                });
            });
        }
    }

    /// <summary>
    /// Refuses a token that lives longer than the cap, counted from the earliest of its issue time, its start and now
    /// (a token issued "in the future" is measured from now), and otherwise replaces its principal by the normalised one.
    /// </summary>
    private static Task Normalise(TokenValidatedContext context, TimeSpan maxLifetime)
    {
        if (context.SecurityToken is not JsonWebToken token || LivesLongerThan(token, maxLifetime))
        {
            context.Fail("The token lives longer than Auth:MaxTokenLifetime allows, or its lifetime cannot be read.");
            return Task.CompletedTask;
        }

        var (principal, refusal) = TokenPrincipal.Normalise(context.Principal!, context.Scheme.Name);
        if (refusal is not null)
            context.Fail(refusal);
        else
            context.Principal = principal;
        return Task.CompletedTask;
    }

    private static bool LivesLongerThan(JsonWebToken token, TimeSpan maxLifetime)
    {
        var start = TimeProvider.System.GetUtcNow().UtcDateTime;
        foreach (var claimed in new[] { token.IssuedAt, token.ValidFrom })
        {
            if (claimed != DateTime.MinValue && claimed < start)
                start = claimed;
        }

        return token.ValidTo - start > maxLifetime;
    }

    private static TokenValidationParameters Common(TokenValidationParameters p)
    {
        p.ValidateIssuer = true;
        p.ValidateAudience = true;
        p.ValidateLifetime = true;
        p.ValidateIssuerSigningKey = true;
        p.RequireExpirationTime = true;
        p.ClockSkew = TimeSpan.FromSeconds(30);
        p.NameClaimType = CaseFlowClaims.Subject;
        p.RoleClaimType = CaseFlowClaims.Role;
        return p;
    }

    private static byte[] DecodeKey(string key)
    {
        try
        {
            var bytes = Convert.FromBase64String(key.Trim());
            if (bytes.Length >= 32)
                return bytes;
        }
        catch (FormatException)
        {
        }

        throw new InvalidOperationException("Auth:DevelopmentKey must be the base64 form of at least 32 random bytes.");
    }

    private static string? IssuerOf(string authorization)
    {
        const string prefix = "Bearer ";
        if (!authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            return new JsonWebToken(authorization[prefix.Length..].Trim()).Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
