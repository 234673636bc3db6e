using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// docs/openapi.json is the contract clients are generated from; this test fails when the live document differs from
/// it. Refresh it with <c>./ops/openapi</c> (which runs this test with <c>CASEFLOW_REFRESH_OPENAPI=1</c>) and commit.
/// </summary>
public class OpenApiDocumentTests(AppFixture app)
{
    public const string RefreshVariable = "CASEFLOW_REFRESH_OPENAPI";
    private static readonly string Committed = Path.Combine(RepositoryRoot.Path, "docs", "openapi.json");

    [Fact]
    public async Task the_committed_document_is_the_live_one()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        var live = (await result.ReadAsTextAsync()).ReplaceLineEndings("\n");
        if (!live.EndsWith('\n'))
            live += "\n";
        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
            await File.WriteAllTextAsync(Committed, live, TestContext.Current.CancellationToken);

        var committed = File.Exists(Committed) ? (await File.ReadAllTextAsync(Committed, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n") : "";
        committed.ShouldBe(live, "docs/openapi.json is not the live document: run ./ops/openapi and commit the result.");
    }

    [Fact]
    public async Task every_operation_is_named_tagged_and_described_as_clients_see_it()
    {
        var operations = (await Document())["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key} {path.Key}", Operation: op.Value!))).ToList();

        operations.Count.ShouldBeGreaterThan(25);
        foreach (var (name, operation) in operations)
        {
            var id = (string?)operation["operationId"];
            id.ShouldNotBeNull(name).ShouldMatch("^[A-Z][A-Za-z]+$", name);
            operation["tags"]!.AsArray().Select(t => (string?)t).ShouldHaveSingleItem(name)
                .ShouldBeOneOf("Intake", "Cases", "Feed", "Governance", "Queues", "Statistics", "Reports", "Subjects", "Audit", "Integrity", "Operations");
            ((string?)operation["summary"]).ShouldNotBeNullOrWhiteSpace(name);
            ((string)operation["summary"]!).ShouldNotContain(id!, customMessage: $"{name}: give the endpoint a doc comment");
            ((string?)operation["description"]).ShouldNotBeNullOrWhiteSpace(name);
        }

        operations.Select(o => (string?)o.Operation["operationId"]).ShouldBeUnique();
    }

    [Fact]
    public async Task every_event_type_has_a_typed_envelope_with_an_example_and_its_posters_in_a_discriminated_body()
    {
        var document = await Document();
        var schemas = document["components"]!["schemas"]!;
        var streams = new (string Union, string Path, IEnumerable<string> Types)[]
        {
            ("CaseEventEnvelope", "/api/cases/{caseId}/events", CaseFlow.Server.Intake.CaseEventKinds.ByType.Keys),
            ("OfficerEventEnvelope", "/api/officers/{officerId}/events", CaseFlow.Server.Governance.PostOfficerEventEndpoint.Kinds.Keys),
            ("AgreementEventEnvelope", "/api/agreements/{ori}/{model}/events", CaseFlow.Server.Governance.PostAgreementEventEndpoint.Kinds.Keys),
            ("ComplaintEventEnvelope", "/api/complaints/{complaintId}/events", CaseFlow.Server.Governance.PostComplaintEventEndpoint.Kinds.Keys),
        };
        foreach (var (union, path, types) in streams)
        {
            ((string?)document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]).ShouldBe($"#/components/schemas/{union}");
            var mapping = schemas[union]!["discriminator"]!["mapping"]!.AsObject();
            ((string?)schemas[union]!["discriminator"]!["propertyName"]).ShouldBe("type");
            mapping.Select(m => m.Key).ShouldBe(types, ignoreOrder: true);
            foreach (var type in types)
            {
                var envelope = schemas[$"{type}Envelope"]!;
                envelope["properties"]!["type"]!["enum"]!.AsArray().Select(v => (string?)v).ShouldBe([type]);
                ((string?)envelope["properties"]!["data"]!["$ref"]).ShouldNotBeNull(type);
                ((string?)envelope["description"]).ShouldNotBeNull().ShouldContain("posted by:");
                envelope["examples"]!.AsArray().ShouldHaveSingleItem(type)!["data"].ShouldNotBeNull(type);
            }
        }

        ((string?)document["paths"]!["/api/events/batch"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"])
            .ShouldBe("#/components/schemas/BatchRequest");
    }

    [Fact]
    public async Task no_schema_is_left_untyped_and_no_answer_is_an_iresult()
    {
        var text = (await Document()).ToJsonString();

        text.ShouldNotContain(":{}");
        text.ShouldNotContain("IResult");
        text.ShouldNotContain("\"ProblemDetails\"");
    }

    [Fact]
    public async Task every_error_answer_is_the_one_problem_schema_which_lists_every_problem_code()
    {
        var document = await Document();
        var problem = document["components"]!["schemas"]!["Problem"]!;

        problem["required"]!.AsArray().Select(r => (string?)r).ShouldBe(["type", "title", "status", "retryable"], ignoreOrder: true);
        problem["properties"]!.AsObject().Select(p => p.Key).ShouldBe(["type", "title", "status", "detail", "instance", "retryable", "traceId", "errors"], ignoreOrder: true);
        var described = (string)problem["properties"]!["type"]!["description"]!;
        foreach (var code in CaseFlow.Server.Platform.ProblemTypes.Codes)
            described.ShouldContain(code, Case.Sensitive, code);
        foreach (var (path, operations) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var statuses = operation!["responses"]!.AsObject().Select(r => r.Key).ToList();
                statuses.ShouldContain("401", $"{method} {path}");
                foreach (var (status, response) in operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'))
                    ((string?)response!["content"]!["application/problem+json"]!["schema"]!["$ref"]).ShouldBe("#/components/schemas/Problem", $"{method} {path} {status}");
            }
        }
    }

    [Fact]
    public async Task who_acted_is_stamped_by_the_server_and_read_only_in_every_event_data_a_client_posts()
    {
        var schemas = (await Document())["components"]!["schemas"]!;

        var stamped = CaseFlow.Server.Intake.CaseEventKinds.ByType.Values.Select(k => k.DataType).Distinct()
            .SelectMany(t => t.GetProperties().Where(p => p.PropertyType == typeof(CaseFlow.Domain.Cases.Actor))
                .Select(p => (Component: t.Name, Member: System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name))))
            .ToList();
        stamped.Count.ShouldBeGreaterThanOrEqualTo(8);
        foreach (var (component, member) in stamped)
            ((bool?)schemas[component]!["properties"]![member]!["readOnly"]).ShouldBe(true, $"{component}.{member}");
    }

    private Task<JsonNode> Document() => Live(app);

    /// <summary>The document the server serves now.</summary>
    public static async Task<JsonNode> Live(AppFixture app)
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        return JsonNode.Parse(await result.ReadAsTextAsync())!;
    }
}
