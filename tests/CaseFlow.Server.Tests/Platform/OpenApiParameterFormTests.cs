using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alba;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// Every parameter the server reads narrower than text is typed so in the document (a type, a format, a pattern, a
/// range or an enum), and what the document admits is what the server takes: values at and just beyond each documented
/// bound are sent to the real host, and the server refuses, naming the parameter, exactly those the document does not admit.
/// </summary>
public class OpenApiParameterFormTests(AppFixture app)
{
    private const string MaxPosition = "999999999999999999";

    /// <summary>Well-formed values for path parameters not under test.</summary>
    private static readonly Dictionary<string, string> PathValues = new() { ["ori"] = "TX0790000", ["state"] = "TX", ["code"] = "HOU", ["model"] = "JEM", ["month"] = "2019-01" };

    [Fact]
    public async Task no_parameter_is_left_as_the_generic_string()
    {
        var generic = new List<string>();
        foreach (var (path, method, parameter) in Parameters(await OpenApiDocumentTests.Live(app)))
        {
            var schema = parameter["schema"]!;
            if ((string?)schema["type"] == "string" && schema["pattern"] is null && schema["format"] is null && schema["enum"] is null
                && (int?)schema["maxLength"] is null or JsonSetup.MaxTextLength)
                generic.Add($"{method} {path} {parameter["in"]} {parameter["name"]}");
        }

        generic.ShouldBeEmpty();
    }

    /// <summary>Values at and just beyond the bounds of each kind of parameter, where each kind is read.</summary>
    public static TheoryData<string, string, string, string> Values() => new()
    {
        { "/api/statistics/national", "query", "fy", "1999,2000,2099,2100,20x6" },
        { "/api/statistics/national", "query", "month", "1999-12,2000-01,2099-12,2100-01,2026-00,2026-13,2026-1" },
        { "/api/statistics/national", "query", "position", $"-1,0,{MaxPosition},1{MaxPosition[1..]}0" },
        { "/api/queues/review", "query", "position", $"-1,0,{MaxPosition},1{MaxPosition[1..]}0" },
        { "/api/queues/review", "query", "after", "!,a=b," + new string('A', 101) },
        { "/api/queues/releases", "query", "within", "0h,1h,720h,721h,1d,30d,31d,48,h,2w" },
        { "/api/cases", "query", "bookedFrom", "2026-01-01T00:00:00Z,2026-01-01T00:00:00-06:00,2026-01-01,2026-01-01T00:00:00" },
        { "/api/reports/monthly/{month}", "path", "month", "2026-02,2026-02.html,2026-02.htm,2026-13,2100-01" },
        { "/api/reports/monthly/{month}", "query", "position", $"-1,0,{MaxPosition},1{MaxPosition[1..]}0" },
        { "/api/reports/monthly/{month}/released", "path", "month", "1999-12,2000-01,2099-12,2100-01,2026-02.html" },
        { "/api/reports/monthly/{month}/released", "query", "version", "0,1,9999,10000" },
        { "/api/reports/monthly/{month}/released", "query", "variant", "public,Public,private" },
        { "/api/feed", "query", "after", $"-1,0,{MaxPosition},{MaxPosition}9" },
        { "/api/audit/access", "query", "after", $"-1,0,{MaxPosition},{MaxPosition}9" },
        { "/api/audit/access", "query", "from", "2026-01-01T00:00:00Z,2026-01-01T00:00:00.5+02:00,2026-01-01,yesterday" },
        { "/api/audit/access", "query", "case", $"{Guid.Empty},not-a-uuid" },
        { "/api/agreements/{ori}/{model}", "query", "asOf", "2026-01-01T00:00:00Z,2026-01-01" },
        { "/api/subjects/search", "query", "aNumber", "A123456789,A-123-456-789,12345678,A1234567,A1234567890" },
        { "/api/subjects/search", "query", "fbiNumber", "AB1234567,AB12345678,AB-1" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task the_server_takes_exactly_what_the_document_admits(string path, string location, string name, string values)
    {
        var parameter = Parameters(await OpenApiDocumentTests.Live(app)).Single(p => p.Path == path && p.Method == "get" && (string?)p.Parameter["in"] == location && (string?)p.Parameter["name"] == name).Parameter;
        var schema = Resolve(await OpenApiDocumentTests.Live(app), parameter["schema"]!);
        foreach (var value in values.Split(','))
        {
            var url = Regex.Replace(path, "{([^}]+)}", m => m.Groups[1].Value == name && location == "path" ? value : PathValues[m.Groups[1].Value]);
            if (location == "query")
                url += $"?{name}={Uri.EscapeDataString(value)}";
            var (status, errors) = await FirstReader.Read(app, url);
            status.ShouldBeLessThan(500, url);
            if (Admits(schema, value))
                status.ShouldNotBe(400, $"{url}: the document admits {value}; {errors}");
            else
            {
                status.ShouldBe(400, $"{url}: the document does not admit {value}");
                errors!.ContainsKey(name).ShouldBeTrue($"{url}: {errors}");
            }
        }
    }

    [Fact]
    public async Task the_server_takes_exactly_the_if_match_the_document_admits()
    {
        var schema = Parameters(await OpenApiDocumentTests.Live(app)).First(p => p.Path == "/api/cases/{caseId}/events" && (string?)p.Parameter["name"] == "If-Match").Parameter["schema"]!;
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        foreach (var value in new[] { "*", "\"1\"", "2", $"\"{MaxPosition}\"", $"\"{MaxPosition}9\"", "\"0\"", "W/\"3\"", "\"-1\"" })
        {
            var result = await app.Host.Scenario(s =>
            {
                s.Post.Json(Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(4))).ToUrl($"/api/cases/{caseId}/events");
                s.Bearer(jem.Jail);
                s.WithRequestHeader("If-Match", value);
                s.IgnoreStatusCode();
            });
            var status = result.Context.Response.StatusCode;
            if (Admits(schema, value))
                status.ShouldBeOneOf([200, 412], value);
            else
            {
                status.ShouldBe(400, value);
                JsonNode.Parse(await result.ReadAsTextAsync())!["errors"]!["If-Match"].ShouldNotBeNull(value);
            }
        }
    }

    [Fact]
    public async Task the_cursors_the_server_answers_are_what_the_document_admits_as_after()
    {
        var document = await OpenApiDocumentTests.Live(app);
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await app.Host.PostCaseEvent(jem.Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(4)));
        var auditor = app.Tokens.For(Roles.Auditor);
        foreach (var (path, url, token) in new[]
                 {
                     ("/api/agreements", "/api/agreements?limit=1", auditor),
                     ("/api/officers", "/api/officers?limit=1", auditor),
                     ("/api/cases/{caseId}/history", $"/api/cases/{caseId}/history?limit=1", auditor),
                     ("/api/feed", "/api/feed?limit=1", jem.Jail),
                 })
        {
            var next = (string?)JsonNode.Parse(await (await app.Host.GetAs(token, url)).ReadAsTextAsync())!["next"];
            next.ShouldNotBeNull(url);
            var after = Parameters(document).Single(p => p.Path == path && (string?)p.Parameter["name"] == "after").Parameter["schema"]!;
            Admits(after, next).ShouldBeTrue($"{url}: next {next}");
        }
    }

    private static IEnumerable<(string Path, string Method, JsonNode Parameter)> Parameters(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        from parameter in operation.Value!["parameters"]?.AsArray() ?? []
        select (path.Key, operation.Key, parameter!);

    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        (string?)schema["$ref"] is { } reference ? document["components"]!["schemas"]![reference.Split('/')[^1]]! : schema;

    /// <summary>Whether the schema admits the text as a parameter's value: a string by its pattern, lengths and enum, an integer by its range.</summary>
    private static bool Admits(JsonNode schema, string value)
    {
        if (schema["enum"] is JsonArray names && !names.Any(n => (string?)n == value))
            return false;
        if ((string?)schema["type"] == "integer")
        {
            return Regex.IsMatch(value, "^-?[0-9]+$") && BigInteger.Parse(value, CultureInfo.InvariantCulture) is var number
                && (schema["minimum"] is not { } min || number >= BigInteger.Parse(min.ToString(), CultureInfo.InvariantCulture))
                && (schema["maximum"] is not { } max || number <= BigInteger.Parse(max.ToString(), CultureInfo.InvariantCulture));
        }

        return ((string?)schema["pattern"] is not { } pattern || Regex.IsMatch(value, pattern))
            && value.Length >= ((int?)schema["minLength"] ?? 0) && value.Length <= ((int?)schema["maxLength"] ?? int.MaxValue)
            && ((string?)schema["format"] != "uuid" || Guid.TryParseExact(value, "D", out _));
    }
}
