using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Subjects;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>A member's limit is the validator's own: the document says the length, and the server refuses one more.</summary>
public class OpenApiLimitTests(AppFixture app)
{
    /// <summary>Every bounded member of a booking, by where it sits in the booking's JSON.</summary>
    public static TheoryData<string, string> BoundedMembers() => new()
    {
        { nameof(BookingData), "data.bookingNumber" },
        { nameof(ChargeData), "data.charges[0].code" },
        { nameof(ChargeData), "data.charges[0].description" },
        { nameof(NameData), "data.subject.name.given" },
        { nameof(NameData), "data.subject.name.family" },
        { nameof(NameData), "data.subject.name.middle" },
    };

    [Fact]
    public void every_bounded_member_of_a_booking_is_listed_here()
    {
        var bounded = new[] { typeof(BookingData), typeof(ChargeData), typeof(NameData) }
            .SelectMany(t => t.GetProperties().Where(p => p.GetCustomAttribute<MaxLengthAttribute>() is not null).Select(p => $"{t.Name}.{JsonNamingPolicy.CamelCase.ConvertName(p.Name)}"));

        BoundedMembers().Select(row => $"{row.Data.Item1}.{row.Data.Item2.Split('.')[^1]}").ShouldBe(bounded, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(BoundedMembers))]
    public async Task the_document_gives_the_validators_limit_and_the_server_refuses_one_more(string component, string path)
    {
        var member = path.Split('.')[^1];
        var type = typeof(BookingData).Assembly.GetType($"CaseFlow.Server.Intake.{component}")!;
        var limit = type.GetProperty(char.ToUpperInvariant(member[0]) + member[1..])!.GetCustomAttribute<MaxLengthAttribute>()!.Length;
        var schema = (await OpenApiDocumentTests.Live(app))["components"]!["schemas"]![component]!["properties"]![member]!;
        ((int?)schema["maxLength"]).ShouldBe(limit);

        var jem = await CaseScenario.Create(app);
        var booking = JsonSerializer.SerializeToNode(Envelopes.Booking(Envelopes.NewBookingNumber()), ServerJson.Options)!;
        var data = booking["data"]!;
        data["charges"]![0]!["description"] ??= "Assault";
        data["subject"]!["name"]!["middle"] ??= "Q";
        var parent = path.Split('.')[1..^1].Aggregate(data, (node, step) => step.EndsWith("[0]", StringComparison.Ordinal) ? node[step[..^3]]![0]! : node[step]!);
        parent[member] = new string('A', limit);
        await app.Host.PostBooking(jem.Jail, booking, status: 201);

        data["bookingNumber"] = Envelopes.NewBookingNumber();
        booking["eventId"] = Guid.NewGuid().ToString();
        parent[member] = new string('A', limit + 1);
        var refused = await app.Host.PostBooking(jem.Jail, booking, status: 400);
        JsonNode.Parse(await refused.ReadAsTextAsync())!["errors"]![path].ShouldNotBeNull(path);
    }

    /// <summary>A bounded member outside the booking: its limit, the name a refusal gives it, where the document types it, how it is sent.</summary>
    private sealed record Bounded(int Limit, string Member, Func<JsonNode, JsonNode> Documented, Func<int, string> Text, Func<CaseScenario, string, Task<IScenarioResult>> Send);

    private static readonly Dictionary<string, Func<AppFixture, Bounded>> Others = new()
    {
        ["Nomination.badgeNumber"] = app => new(NominateOfficerEndpoint.MaxBadgeNumberLength, "data.badgeNumber", d => Component(d, "Nomination", "badgeNumber"), Letters,
            (jem, text) => Send(app, jem.Jail, "/api/officers", GovernanceClient.Envelope("OfficerNominated", new { badgeNumber = text, models = new[] { "JEM" } }))),
        ["ComplaintReport.complaintNumber"] = app => new(ReceiveComplaintEndpoint.MaxReferenceLength, "data.complaintNumber", d => Component(d, "ComplaintReport", "complaintNumber"), Letters,
            (jem, text) => Send(app, jem.Jail, "/api/complaints", GovernanceClient.Envelope("ComplaintReceived",
                new { complaintNumber = text, againstBadgeNumber = CaseScenario.Badge, learnedAt = CaseScenario.Now(60) }))),
        ["ComplaintReport.againstBadgeNumber"] = app => new(ReceiveComplaintEndpoint.MaxReferenceLength, "data.againstBadgeNumber", d => Component(d, "ComplaintReport", "againstBadgeNumber"), Letters,
            (jem, text) => Send(app, jem.Jail, "/api/complaints", GovernanceClient.Envelope("ComplaintReceived",
                new { complaintNumber = $"IA-{Guid.NewGuid():N}"[..20], againstBadgeNumber = text, learnedAt = CaseScenario.Now(60) }))),
        ["SubjectOrderRequest.orderReference"] = app => new(ProposeSubjectOrderEndpoint.MaxOrderReferenceLength, "orderReference", d => Component(d, "SubjectOrderRequest", "orderReference"),
            n => "1-" + Letters(n - 2),
            (_, text) => Send(app, app.Tokens.For(Roles.Admin), $"/api/subjects/{Guid.NewGuid()}/orders",
                new { action = "seal", legalBasis = "sealing-order", orderReference = text, eventId = Guid.NewGuid().ToString() })),
        ["GET /api/cases?bookingNumber"] = app => new(BookingValidation.MaxBookingNumberLength, "bookingNumber", d => Parameter(d, "/api/cases", "bookingNumber"), Letters,
            (jem, text) => Send(app, jem.Jail, $"/api/cases?bookingNumber={text}")),
        ["GET /api/audit/access?user"] = app => new(TokenPrincipal.MaxSubjectLength, "user", d => Parameter(d, "/api/audit/access", "user"), Letters,
            (_, text) => Send(app, app.Tokens.For(Roles.Auditor), $"/api/audit/access?user={text}")),
        ["GET /api/agreements?state"] = app => new(FieldErrors.StateCodeLength, "state", d => Parameter(d, "/api/agreements", "state"), Letters,
            (jem, text) => Send(app, jem.Jail, $"/api/agreements?state={text}")),
        ["GET /api/queues/review?fieldOffice"] = app => new(FieldErrors.FieldOfficeCodeLength, "fieldOffice", d => Parameter(d, "/api/queues/review", "fieldOffice"), Letters,
            (_, text) => Send(app, app.Tokens.For(Roles.Auditor), $"/api/queues/review?fieldOffice={text}")),
        ["GET /api/statistics/field-offices/{code}"] = app => new(FieldErrors.FieldOfficeCodeLength, "code", d => Parameter(d, "/api/statistics/field-offices/{code}", "code"), Letters,
            (_, text) => Send(app, app.Tokens.For(Roles.Auditor), $"/api/statistics/field-offices/{text}")),
        ["GET /api/statistics/states/{state}"] = app => new(FieldErrors.StateCodeLength, "state", d => Parameter(d, "/api/statistics/states/{state}", "state"), Letters,
            (_, text) => Send(app, app.Tokens.For(Roles.Auditor), $"/api/statistics/states/{text}")),
    };

    public static TheoryData<string> OtherBoundedMembers() => [.. Others.Keys];

    [Theory]
    [MemberData(nameof(OtherBoundedMembers))]
    public async Task outside_the_booking_too_the_document_gives_the_validators_limit_and_the_server_refuses_one_more(string name)
    {
        var bounded = Others[name](app);
        ((int?)bounded.Documented(await OpenApiDocumentTests.Live(app))["maxLength"]).ShouldBe(bounded.Limit, name);
        var jem = await CaseScenario.Create(app);

        var atLimit = await bounded.Send(jem, bounded.Text(bounded.Limit));
        atLimit.Context.Response.StatusCode.ShouldNotBe(400, $"{name} at {bounded.Limit}: {await atLimit.ReadAsTextAsync()}");
        atLimit.Context.Response.StatusCode.ShouldBeLessThan(500);

        var tooLong = await bounded.Send(jem, bounded.Text(bounded.Limit + 1));
        tooLong.Context.Response.StatusCode.ShouldBe(400, name);
        JsonNode.Parse(await tooLong.ReadAsTextAsync())!["errors"]![bounded.Member].ShouldNotBeNull(name);
    }

    private static string Letters(int length) => new('A', length);

    private static JsonNode Component(JsonNode document, string component, string member) => document["components"]!["schemas"]![component]!["properties"]![member]!;

    private static JsonNode Parameter(JsonNode document, string path, string name) =>
        document["paths"]![path]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == name)!["schema"]!;

    private static Task<IScenarioResult> Send(AppFixture app, string token, string url, object? body = null) =>
        app.Host.Scenario(s =>
        {
            if (body is null)
                s.Get.Url(url);
            else
                s.Post.Json(body).ToUrl(url);
            s.Bearer(token);
            s.IgnoreStatusCode();
        });
}
