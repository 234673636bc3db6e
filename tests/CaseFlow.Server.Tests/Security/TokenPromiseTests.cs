using System.Net;
using System.Security.Claims;
using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// What docs/security.md promises of tokens, each checked at its edge: an officer's token acts only as that officer,
/// the audience is validated, an expired token is accepted within the 30 s clock skew and refused beyond it, and
/// guessed tokens spend the budget of the address they come from.
/// </summary>
public class TokenPromiseTests(AppFixture app)
{
    private const string Agreements = "/api/agreements?limit=1";

    [Fact]
    public async Task an_officers_token_may_act_only_as_that_officer()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        var officer = app.Tokens.For(Roles.Officer, ori: jem.Ori, officerId: CaseScenario.Badge);
        var asAnother = Envelopes.CaseEvent("ScreeningOpened", new { openedAt = CaseScenario.Now(5) });
        asAnother["officerId"] = "JEM-8";

        var refused = await app.Host.Post(officer, $"/api/cases/{caseId}/events", asAnother, 403);

        (await refused.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:officer-mismatch");
        (await jem.Summary(caseId)).Case.Version.ShouldBe(1);
        var asItself = Envelopes.CaseEvent("ScreeningOpened", new { openedAt = CaseScenario.Now(5) });
        asItself["officerId"] = CaseScenario.Badge;
        await app.Host.Post(officer, $"/api/cases/{caseId}/events", asItself, 200);
    }

    [Fact]
    public async Task a_token_for_another_audience_is_refused()
    {
        await app.Host.GetAs(Minted(audience: "another-api"), Agreements, 401);
        await app.Host.GetAs(Minted(audience: AuthenticationSetup.DevelopmentAudience), Agreements);
    }

    [Theory]
    [InlineData(20, 200)]
    [InlineData(45, 401)]
    public async Task an_expired_token_is_accepted_only_within_the_30_second_clock_skew(int secondsSinceExpiry, int status) =>
        await app.Host.GetAs(app.Tokens.For(Roles.Auditor, expires: DateTime.UtcNow.AddSeconds(-secondsSinceExpiry)), Agreements, status);

    [Fact]
    public async Task guessed_tokens_spend_the_budget_of_their_address_and_no_other()
    {
        await using var node = await app.StartNode(x =>
        {
            x.UseSetting("RateLimits:PermitsPerSecond", "1");
            x.UseSetting("RateLimits:Burst", "3");
        });
        var guessed = Minted(AuthenticationSetup.DevelopmentAudience, RandomKey());

        var statuses = new List<int>();
        for (var i = 0; i < 20 && !statuses.Contains(429); i++)
            statuses.Add((await Guess(node, guessed, "203.0.113.7")).Context.Response.StatusCode);

        statuses.ShouldContain(401);
        statuses.Last().ShouldBe(429, "twenty guesses at once must exceed a budget of three");
        (await Guess(node, guessed, "203.0.113.8")).Context.Response.StatusCode.ShouldBe(401);
    }

    private static Task<IScenarioResult> Guess(IAlbaHost node, string token, string address) =>
        node.Scenario(s =>
        {
            s.Get.Url(Agreements);
            s.Bearer(token);
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse(address));
            s.IgnoreStatusCode();
        });

    private static byte[] RandomKey() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>A development-shaped auditor token, minted here so the audience (and key) can be other than the fixture's.</summary>
    private string Minted(string audience, byte[]? key = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthenticationSetup.DevelopmentIssuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim(CaseFlowClaims.Subject, $"auditor-{Guid.NewGuid():N}"), new Claim(CaseFlowClaims.Role, Roles.Auditor)]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Convert.FromBase64String(app.Tokens.Base64Key)), SecurityAlgorithms.HmacSha256),
        });
}
