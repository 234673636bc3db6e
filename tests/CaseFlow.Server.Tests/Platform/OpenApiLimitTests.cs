using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Intake;
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
}
