using System.Security.Cryptography;
using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Security;

public class AuthenticationTests(AppFixture app)
{
    [Fact]
    public async Task an_anonymous_call_gets_401_with_a_problem()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/agreements");
            s.StatusCodeShouldBe(401);
            s.ContentTypeShouldBe("application/problem+json");
        });

        (await result.ReadAsTextAsync()).ShouldContain("\"retryable\":false");
    }

    private string[] RejectedTokens() =>
    [
        app.Tokens.For(Roles.Auditor, expires: DateTime.UtcNow.AddMinutes(-5)),
        app.Tokens.For(Roles.Auditor, signingKey: RandomNumberGenerator.GetBytes(32)),
        app.Tokens.For(Roles.Auditor, issuer: "someone-else"),
        // Policies would admit either role while the scope is read from one: a token is one role, or none.
        app.Tokens.For(Roles.Analyst, secondRole: Roles.Auditor),
        "not-a-token",
    ];

    [Fact]
    public async Task expired_forged_foreign_and_garbled_tokens_get_401()
    {
        foreach (var token in RejectedTokens())
            await app.Host.GetAs(token, "/api/agreements", 401);
    }

    [Fact]
    public async Task a_role_outside_the_catalogue_gets_403()
    {
        await app.Host.GetAs(app.Tokens.For("janitor"), "/api/agreements", 403);
    }

    [Fact]
    public async Task a_token_without_a_role_gets_403()
    {
        await app.Host.GetAs(app.Tokens.For(""), "/api/agreements", 403);
    }
}
