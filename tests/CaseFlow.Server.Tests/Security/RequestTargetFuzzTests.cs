using System.Text.Json.Nodes;
using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CsCheck;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Hostile values in what is not a body: every path, query and header parameter of every operation the host's own
/// OpenAPI document lists, sent by callers of every kind. No answer is a 5xx, and every refusal is a problem.
/// </summary>
public class RequestTargetFuzzTests(AppFixture app)
{
    private sealed record Parameter(string Name, string In);

    private sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters);

    private static readonly string[] HostileValues =
    [
        "\u0000", "\u0001x", "", " ", new string('A', 5_000), "'; drop table caseflow.mt_events; --", "../../etc/passwd", "%", "%zz",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ‮", "-1", "0", "99999999999999999999999", "NaN", "2026-02-30T25:61:00Z", "9999-12-31T23:59:59+14:00",
        "0001-01-01T00:00:00+00:00", Guid.Empty.ToString(), "not-a-uuid", "true", "[]", "{}", "null", "\"quoted\"", "W/\"1\"", "*",
    ];

    [Fact]
    public async Task hostile_path_query_and_header_values_get_no_5xx_and_refusals_are_problems()
    {
        var operations = await Operations();
        operations.SelectMany(o => o.Parameters).Select(p => p.In).Distinct().Order().ShouldBe(["header", "path", "query"]);
        operations.SelectMany(o => o.Parameters).Where(p => p.In == "query").ShouldAllBe(p => char.IsLower(p.Name[0]), "query parameters are named as clients write them");
        var tokens = new[]
        {
            app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend), app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"),
            app.Tokens.For(Roles.Auditor), app.Tokens.For(Roles.Admin),
        };

        var targets = operations.SelectMany(o => o.Parameters.Select(p => (Operation: o, Parameter: p))).ToList();
        var requests =
            from pick in Gen.Int[0, targets.Count - 1].Select(i => targets[i])
            from hostile in Gen.Int[0, HostileValues.Length - 1].Select(i => HostileValues[i])
            from token in Gen.Int[0, tokens.Length - 1].Select(i => tokens[i])
            select (operation: pick.Operation, target: pick.Parameter, hostile, token);

        await requests.SampleAsync(async request =>
        {
            var (operation, target, hostile, token) = request;
            var url = Url(operation, target, hostile);
            try
            {
                var result = await app.Host.Scenario(s =>
                {
                    if (operation.Method == "POST")
                    {
                        s.Post.Text("{}").ToUrl(url);
                        s.WithRequestHeader("Content-Type", "application/json");
                    }
                    else
                    {
                        s.Get.Url(url);
                    }

                    if (target.In == "header" && !hostile.Any(char.IsControl) && hostile.Length < 1_000)
                        s.WithRequestHeader(target.Name, hostile);
                    s.Bearer(token);
                    s.IgnoreStatusCode();
                });
                var status = result.Context.Response.StatusCode;
                status.ShouldBeLessThan(500, $"{operation.Method} {operation.Path} with {target.Name}={hostile[..Math.Min(40, hostile.Length)]}");
                if (status >= 400)
                    result.Context.Response.ContentType.ShouldBe("application/problem+json");
            }
            catch (Exception failure)
            {
                // Every id in the URL is new: the request met no state of its own, only what all tests share.
                FuzzFailures.Log(operation.Method, url, token, target.In == "header" ? $"header {target.Name}: {hostile}" : null, "new random ids: no state of its own", failure);
                throw;
            }
        }, iter: 2_000, threads: 1, print: r => $"{r.operation.Method} {r.operation.Path} {r.target.Name}");
    }

    /// <summary>
    /// The operation's URL, every parameter given an ordinary value but the one under attack. Control characters stay
    /// out of the path: Kestrel refuses a NUL there before any middleware, and the test server cannot send one.
    /// </summary>
    private static string Url(Operation operation, Parameter target, string hostile)
    {
        string ValueOf(Parameter p) => p == target && !(p.In == "path" && hostile.Any(char.IsControl)) ? hostile : p.Name switch
        {
            "ori" => Agencies.FortBend,
            "model" => "JEM",
            "aNumber" => "A012345678",
            _ => Guid.NewGuid().ToString(),
        };

        var path = operation.Parameters.Where(p => p.In == "path")
            .Aggregate(operation.Path, (url, p) => url.Replace("{" + p.Name + "}", Uri.EscapeDataString(ValueOf(p)), StringComparison.Ordinal));
        var query = operation.Parameters.Where(p => p.In == "query" && (p == target || p.Name == "aNumber"))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(ValueOf(p))}");
        return path + "?" + string.Join('&', query);
    }

    private async Task<List<Operation>> Operations()
    {
        var document = JsonNode.Parse(await (await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync())!;
        return document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => new Operation(op.Key.ToUpperInvariant(), path.Key,
                (op.Value!["parameters"]?.AsArray() ?? []).Select(p => new Parameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>())).ToList())))
            .Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();
    }
}
