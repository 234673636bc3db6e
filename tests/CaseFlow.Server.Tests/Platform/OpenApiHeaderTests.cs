using System.Text.Json.Nodes;
using Alba;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>The headers real answers carry are declared in the document on the operation and status that send them.</summary>
public class OpenApiHeaderTests(AppFixture app)
{
    private static readonly string[] Sent = ["ETag", "Idempotent-Replayed", "Location", "Retry-After"];

    [Fact]
    public async Task the_headers_of_a_booking_its_replay_a_case_read_and_a_stale_write_are_declared_for_their_status()
    {
        var jem = await CaseScenario.Create(app);
        var booking = Envelopes.Booking(Envelopes.NewBookingNumber());
        var created = await app.Host.PostBooking(jem.Jail, booking);
        var replayed = await app.Host.PostBooking(jem.Jail, booking, status: 201);
        var caseId = Guid.Parse((string)JsonNode.Parse(await created.ReadAsTextAsync())!["id"]!);
        var read = await app.Host.GetAs(jem.Jail, $"/api/cases/{caseId}");
        var stale = await app.Host.PostCaseEvent(jem.Jail, caseId, Envelopes.CaseEvent("ScreeningOpened", new { openedAt = Envelopes.Instant(DateTimeOffset.UtcNow.AddMinutes(-5)) }),
            status: 412, ifMatch: "\"99\"");
        var document = await OpenApiDocumentTests.Live(app);

        var answers = new (string Path, string Method, int Status, IScenarioResult Result, string[] Expected)[]
        {
            ("/api/bookings", "post", 201, created, ["ETag", "Location"]),
            ("/api/bookings", "post", 201, replayed, ["ETag", "Idempotent-Replayed", "Location"]),
            ("/api/cases/{caseId}", "get", 200, read, ["ETag"]),
            ("/api/cases/{caseId}/events", "post", 412, stale, ["ETag"]),
        };
        foreach (var (path, method, status, result, expected) in answers)
        {
            var carried = Sent.Where(h => result.Context.Response.Headers.ContainsKey(h)).ToList();
            carried.ShouldBe(expected, ignoreOrder: true, $"{method} {path} {status}");
            var declared = document["paths"]![path]![method]!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["headers"]?.AsObject()
                .Select(h => h.Key).ToList() ?? [];
            carried.ShouldBeSubsetOf(declared, $"{method} {path} {status}: the headers it sends are declared");
        }

        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                operation!["responses"]!["429"]!["headers"]!["Retry-After"].ShouldNotBeNull($"{method} {path} 429");
                operation["responses"]!["503"]!["headers"]!["Retry-After"].ShouldNotBeNull($"{method} {path} 503");
            }
        }
    }
}
