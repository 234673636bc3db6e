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
        (await result.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>()).Type.ShouldBe("urn:caseflow:problem:unauthenticated");
    }

    [Theory]
    [InlineData("/api/cases/not-a-uuid")]
    [InlineData("/api/cases/not-a-uuid/history")]
    [InlineData("/api/subjects/not-a-uuid")]
    public async Task an_id_in_the_path_that_cannot_name_anything_is_404_with_caseflows_own_problem_type(string url)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", "Bearer " + app.Tokens.For(Roles.Auditor));
            s.Get.Url(url);
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });

        (await result.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>()).Type.ShouldBe("urn:caseflow:problem:route-not-found");
    }

    [Fact]
    public async Task a_route_that_matches_nothing_is_denied_by_default_with_caseflows_own_problem_type()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", "Bearer " + app.Tokens.For(Roles.Auditor));
            s.Get.Url("/api/no-such-thing");
            s.StatusCodeShouldBe(403);
            s.ContentTypeShouldBe("application/problem+json");
        });

        (await result.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>()).Type.ShouldBe("urn:caseflow:problem:forbidden");
    }

    /// <summary>
    /// Tokens of every shape CaseFlow refuses, each carrying <paramref name="marker"/> where the token is at fault (or in
    /// its subject, where the fault is not a value): the answer must repeat none of it.
    /// </summary>
    private IEnumerable<(string Shape, string Token)> RefusedTokens(string marker)
    {
        var ori = Agencies.FortBend;
        yield return ("expired", app.Tokens.For(Roles.Auditor, subject: marker, expires: DateTime.UtcNow.AddMinutes(-5)));
        yield return ("signed with another key", app.Tokens.For(Roles.Auditor, subject: marker, signingKey: RandomNumberGenerator.GetBytes(32)));
        yield return ("alg: none", app.Tokens.For(Roles.Admin, subject: marker, unsigned: true));
        yield return ("another issuer", app.Tokens.For(Roles.Auditor, subject: marker, issuer: $"issuer-{marker}"));
        yield return ("no sub", app.Tokens.For(Roles.Auditor, without: [CaseFlowClaims.Subject], claims: [("name", marker)]));
        yield return ("a sub in control characters", app.Tokens.For(Roles.Auditor, subject: $"{marker}\u0007"));
        yield return ("a sub in two letter cases", app.Tokens.For(Roles.Auditor, claims: [("SUB", marker)]));
        // Policies matched claim names in any letter case, the scope exactly: a token is one role, in whatever case it is named.
        yield return ("role and ROLE", app.Tokens.For(Roles.Analyst, subject: marker, claims: [("ROLE", Roles.Auditor)]));
        yield return ("rOlE: admin beside a supervisor", app.Tokens.For(Roles.Supervisor, subject: marker, fieldOffice: "HOU", claims: [("rOlE", Roles.Admin)]));
        yield return ("two role claims alike", app.Tokens.For(Roles.Analyst, subject: marker, secondRole: Roles.Auditor));
        yield return ("the same role twice", app.Tokens.For(Roles.Auditor, subject: marker, claims: [("Role", Roles.Auditor)]));
        yield return ("an unknown role", app.Tokens.For($"janitor-{marker}"));
        yield return ("a role in the wrong letter case", app.Tokens.For("Auditor", subject: marker));
        yield return ("no role", app.Tokens.For(Roles.Auditor, subject: marker, without: [CaseFlowClaims.Role]));
        yield return ("a malformed ori", app.Tokens.For(Roles.ScreeningSystem, ori: $"<{marker}>"));
        yield return ("a lower-case ori", app.Tokens.For(Roles.ScreeningSystem, ori: marker[..9].ToLowerInvariant()));
        yield return ("ori and ORI", app.Tokens.For(Roles.ScreeningSystem, subject: marker, ori: ori, claims: [("ORI", "TX0000000")]));
        yield return ("a malformed field_office", app.Tokens.For(Roles.Supervisor, fieldOffice: $"H{marker}"));
        yield return ("a malformed officer_id", app.Tokens.For(Roles.Officer, ori: ori, officerId: $"{marker}\n"));
        yield return ("an agency's system without ori", app.Tokens.For(Roles.ScreeningSystem, subject: marker));
        yield return ("an officer without officer_id", app.Tokens.For(Roles.Officer, subject: marker, ori: ori));
        yield return ("a supervisor without field_office", app.Tokens.For(Roles.Supervisor, subject: marker));
        yield return ("a lifetime over the cap", app.Tokens.For(Roles.Auditor, subject: marker, lifetime: AuthenticationSetup.DefaultMaxTokenLifetime.Add(TimeSpan.FromMinutes(1))));
        // A recent issue time does not make a token that lasts for a year short-lived: its life is counted from now.
        yield return ("issued in the future", app.Tokens.For(Roles.Auditor, subject: marker, expires: DateTime.UtcNow.AddDays(365), lifetime: TimeSpan.FromMinutes(5)));
        yield return ("garbled", $"not-a-token-{marker}");
    }

    [Fact]
    public async Task every_token_shape_caseflow_refuses_gets_401_repeating_nothing_it_carried()
    {
        var marker = $"Zq{Guid.NewGuid():N}"[..14];
        var wrong = new List<string>();
        foreach (var (shape, token) in RefusedTokens(marker))
        {
            var result = await app.Host.Scenario(s =>
            {
                s.Get.Url("/api/agreements");
                s.Bearer(token);
                s.IgnoreStatusCode();
            });
            var answer = await result.WholeAnswer();
            if (result.Context.Response.StatusCode != 401)
                wrong.Add($"{shape}: {result.Context.Response.StatusCode}");
            if (answer.Contains(marker, StringComparison.OrdinalIgnoreCase))
                wrong.Add($"{shape}: the answer repeats the token's value");
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_token_within_the_cap_and_claims_named_in_another_letter_case_are_accepted_and_scoped_alike()
    {
        var token = app.Tokens.For(Roles.ScreeningSystem, without: [CaseFlowClaims.Role],
            claims: [("ROLE", Roles.ScreeningSystem), ("Ori", Agencies.FortBend)], lifetime: AuthenticationSetup.DefaultMaxTokenLifetime);

        await app.Host.GetAs(token, $"/api/agreements/{Agencies.FortBend}/JEM", 200);
        await app.Host.GetAs(token, $"/api/agreements/{Agencies.Aransas}/JEM", 404);
    }
}
