using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Every POST endpoint of the host, with a body that is valid JSON but not an object (or no body at all), sent by
/// every role so that at least one gets past authorization: never a 5xx, every refusal a problem.
/// </summary>
public class BodyShapeTests(AppFixture app)
{
    public static TheoryData<string> Bodies => ["null", "[]", "42", "\"text\"", "true", ""];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task a_body_that_is_not_an_object_is_refused_with_a_problem_by_every_post_endpoint(string body)
    {
        var routes = ApiRoutes.Of(app.Host).Where(r => r.Method == "POST").Select(r => r.Endpoint.RoutePattern).ToList();
        routes.ShouldNotBeEmpty();
        var tokens = new[]
        {
            app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend), app.Tokens.For(Roles.Officer, ori: Agencies.FortBend, officerId: "FB-1"),
            app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), app.Tokens.For(Roles.Admin),
        };

        foreach (var route in routes)
        {
            var url = "/" + string.Join('/', route.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "ori" } => Agencies.FortBend,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "model" } => "JEM",
                _ => Guid.NewGuid().ToString(),
            }))));
            foreach (var token in tokens)
            {
                var result = await app.Host.Scenario(s =>
                {
                    s.Post.Text(body).ToUrl(url);
                    s.WithRequestHeader("Content-Type", "application/json");
                    s.Bearer(token);
                    s.IgnoreStatusCode();
                });
                var status = result.Context.Response.StatusCode;
                status.ShouldBeLessThan(500, $"POST {route.RawText} with body '{body}'");
                if (status >= 400)
                    result.Context.Response.ContentType.ShouldBe("application/problem+json", $"POST {route.RawText} with body '{body}'");
            }
        }
    }
}
