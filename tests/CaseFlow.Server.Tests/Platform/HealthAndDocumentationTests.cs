using Alba;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Platform;

public class HealthAndDocumentationTests(AppFixture app)
{
    [Fact]
    public async Task liveness_answers_without_a_token()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.StatusCodeShouldBeOk();
        });
    }

    [Fact]
    public async Task readiness_reports_a_reachable_database_with_a_current_schema()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBeOk();
        });

        (await result.ReadAsTextAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task the_openapi_document_lists_the_endpoints()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        var document = await result.ReadAsTextAsync();

        foreach (var path in new[] { "/api/agreements", "/api/agreements/{ori}/{model}", "/api/bookings", "/api/cases", "/api/cases/{caseId}", "/api/cases/{caseId}/events", "/api/cases/{caseId}/history", "/api/cases/{caseId}/integrity" })
            document.ShouldContain($"\"{path}\"");
        document.ShouldContain("\"bearerFormat\": \"JWT\"");
        foreach (var type in CaseFlow.Server.Intake.CaseEventKinds.ByType.Keys)
            document.ShouldContain($"\"{type}Envelope\"");
        document.ShouldContain("\"BiometricAndRecords\"");
    }

    [Fact]
    public async Task the_queues_and_the_case_search_are_typed_in_the_openapi_document()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await (await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync())!;

        foreach (var (path, item) in new[]
        {
            ("/api/queues/review", "ReviewQueueItem"), ("/api/queues/detainers", "DetainerQueueItem"), ("/api/queues/releases", "ReleaseQueueItem"),
            ("/api/queues/deadlines", "DeadlineQueueItem"), ("/api/queues/citizenship-claims", "ClaimQueueItem"), ("/api/cases", "CaseSummary"),
        })
        {
            var get = document["paths"]![path]!["get"]!;
            get["responses"]!["200"]!.ToJsonString().ShouldContain("QueuePage");
            document["components"]!["schemas"]!.AsObject().Select(p => p.Key).ShouldContain($"QueuePageOf{item}");
            document["components"]!["schemas"]!.AsObject().Select(p => p.Key).ShouldContain($"IReadOnlyListOf{item}");
        }
    }

    [Fact]
    public async Task the_statistics_are_typed_in_the_openapi_document_as_json_and_csv()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await (await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync())!;

        foreach (var path in new[] { "/api/statistics/jurisdictions/{ori}", "/api/statistics/states/{state}", "/api/statistics/field-offices/{code}", "/api/statistics/national" })
        {
            var content = document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!;
            ((string?)content["application/json"]!["schema"]!["$ref"]).ShouldBe("#/components/schemas/StatisticsAnswer", path);
            ((string?)content["text/csv"]!["schema"]!["type"]).ShouldBe("string", path);
        }

        document["components"]!["schemas"]!.AsObject().Select(p => p.Key).ShouldContain("PeriodFigures");
    }

    [Fact]
    public async Task the_reference_page_is_served_at_docs()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/docs/v1"));

        result.Context.Response.ContentType.ShouldNotBeNull().ShouldStartWith("text/html");
        var page = await result.ReadAsTextAsync();
        page.ShouldContain("<title>CaseFlow API</title>");
        page.ShouldContain("openapi");
    }
}
