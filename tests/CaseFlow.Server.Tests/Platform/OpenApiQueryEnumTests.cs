using System.Text.RegularExpressions;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// A query parameter the server reads as an enum's names is that enum's component in the document. Found by asking the
/// server, not by listing: every query parameter of every read is sent alone with a value no enum has, and wherever the
/// answer says "must be one of ...", the document must refer to a string enum of exactly those names.
/// </summary>
public partial class OpenApiQueryEnumTests(AppFixture app)
{
    /// <summary>Well-formed values for the reads' path parameters (ids are any UUID), so that the query is what the server judges.</summary>
    private static readonly Dictionary<string, string> PathValues = new() { ["ori"] = "TX0790000", ["state"] = "TX", ["code"] = "HOU", ["model"] = "JEM" };

    [Fact]
    public async Task every_query_parameter_the_server_reads_as_enum_names_refers_to_that_enum_in_the_document()
    {
        var document = await OpenApiDocumentTests.Live(app);
        var schemas = document["components"]!["schemas"]!;
        var enums = new List<string>();

        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            if (operations!["get"] is not { } get)
                continue;
            var url = Regex.Replace(path, "{([^}]+)}", m => PathValues.GetValueOrDefault(m.Groups[1].Value) ?? Guid.NewGuid().ToString());
            foreach (var parameter in get["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "query") ?? [])
            {
                var name = (string)parameter!["name"]!;
                var messages = await Refusal($"{url}?{name}=NotAName");
                var listed = messages.Select(m => EnumNames().Match(m)).Where(m => m.Success).Select(m => m.Groups[1].Value.Split(", ")).SingleOrDefault();
                var reference = (string?)parameter["schema"]!["$ref"];
                if (listed is null)
                {
                    reference.ShouldBeNull($"GET {path} ?{name}: the server reads no enum here");
                    continue;
                }

                reference.ShouldNotBeNull($"GET {path} ?{name}: the server reads it as one of {string.Join(", ", listed)}; the document must refer to that enum");
                schemas[reference.Split('/')[^1]]!["enum"]!.AsArray().Select(v => (string)v!).ShouldBe(listed, $"GET {path} ?{name}");
                enums.Add($"{path}?{name}");
            }
        }

        new[] { "/api/queues/review?model", "/api/officers?status", "/api/cases?status", "/api/cases?model", "/api/agreements?model", "/api/statistics/national?model", "/api/reports/monthly/{month}/released?variant" }.ShouldBeSubsetOf(enums);
    }

    /// <summary>The messages a 400 gives for the request, as the first role the read lets in.</summary>
    private async Task<string[]> Refusal(string url) =>
        (await FirstReader.Read(app, url)).Errors?.SelectMany(e => e.Value!.AsArray().Select(m => (string)m!)).ToArray() ?? [];

    [GeneratedRegex("must be one of (.+)\\.$")]
    private static partial Regex EnumNames();
}
