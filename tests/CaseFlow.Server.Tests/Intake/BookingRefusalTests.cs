using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Intake;

/// <summary>Bad input gets a clear problem and changes nothing; a rule's refusal names the rule.</summary>
public class BookingRefusalTests(AppFixture app)
{
    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);

    [Theory]
    [InlineData("{\"eventId\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"eventId\": \"not-a-uuid\"}")]
    [InlineData("{\"unknownMember\": true}")]
    [InlineData("{\"eventId\": \"6f1c9d1e-2b7a-4c1e-9d3f-0a1b2c3d4e5f\", \"occurredAt\": \"2026-01-15T09:30:00-06:00\", \"data\": {\"charges\": [null]}}")]
    public async Task malformed_json_gets_400(string body)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl("/api/bookings");
            s.WithRequestHeader("Content-Type", "application/json");
            s.Bearer(Jail);
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });

        var text = await result.ReadAsTextAsync();
        text.ShouldContain("\"status\":400");
        text.ShouldNotContain("CaseFlow.", customMessage: "a problem must not name the server's types");
        text.ShouldContain("urn:caseflow:problem:");
    }

    [Fact]
    public async Task a_duplicated_member_is_refused_rather_than_one_copy_silently_winning()
    {
        var bookingNumber = Envelopes.NewBookingNumber();
        var json = System.Text.Json.JsonSerializer.Serialize(Envelopes.Booking(bookingNumber), System.Text.Json.JsonSerializerOptions.Web);
        var duplicated = json.Replace($"\"bookingNumber\":\"{bookingNumber}\"", $"\"bookingNumber\":\"{bookingNumber}\",\"bookingNumber\":\"OTHER-1\"");
        duplicated.ShouldNotBe(json);

        var result = await app.Host.Scenario(s =>
        {
            s.Post.Text(duplicated).ToUrl("/api/bookings");
            s.WithRequestHeader("Content-Type", "application/json");
            s.Bearer(Jail);
            s.StatusCodeShouldBe(400);
        });

        (await result.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:");
        var found = await app.Host.GetAs(Jail, $"/api/cases?bookingNumber={bookingNumber}");
        (await found.ReadAsTextAsync()).ShouldContain("\"items\":[]");
    }

    [Fact]
    public async Task missing_fields_are_named()
    {
        var result = await app.Host.PostBooking(Jail, new { data = new { model = "JEM" } }, 400);
        var text = await result.ReadAsTextAsync();

        foreach (var field in new[] { "eventId", "occurredAt", "data.bookingNumber", "data.bookedAt", "data.charges", "data.subject" })
            text.ShouldContain($"\"{field}\"");
    }

    // xUnit computes member data when it lists the tests, which can be minutes before this one runs on a loaded
    // machine: the future instant is a day ahead so that it is still in the future then.
    public static TheoryData<string, string> BadInstants => new()
    {
        { "2026-01-15T09:30:00", "an offset" },
        { "15/01/2026 09:30", "an offset" },
        { Envelopes.Instant(DateTimeOffset.UtcNow.AddDays(1)), "future" },
        { Envelopes.Instant(DateTimeOffset.UtcNow.AddDays(-10)), "late" },
    };

    [Theory]
    [MemberData(nameof(BadInstants))]
    public async Task occurred_at_needs_an_offset_no_future_and_late_marked(string occurredAt, string reason)
    {
        var envelope = Envelopes.Booking(Envelopes.NewBookingNumber());
        envelope["occurredAt"] = occurredAt;

        var text = await (await app.Host.PostBooking(Jail, envelope, 400)).ReadAsTextAsync();

        text.ShouldContain("\"occurredAt\"");
        text.ShouldContain(reason);
    }

    [Fact]
    public async Task an_old_event_marked_late_is_accepted()
    {
        var envelope = Envelopes.Booking(Envelopes.NewBookingNumber(), occurredAt: DateTimeOffset.UtcNow.AddDays(-10), late: true);

        await app.Host.PostBooking(Jail, envelope, 201);
    }

    [Fact]
    public async Task a_booking_without_a_criminal_charge_is_refused()
    {
        var envelope = Envelopes.Booking(Envelopes.NewBookingNumber(),
            charges: new[] { new { code = "TC 545.351", description = "Speeding", level = "Infraction" } });

        var text = await (await app.Host.PostBooking(Jail, envelope, 422)).ReadAsTextAsync();

        text.ShouldContain("urn:caseflow:problem:no-criminal-charge");
    }

    [Fact]
    public async Task a_booking_before_the_agreement_took_effect_is_refused()
    {
        // Fort Bend's agreements were signed on 2025-05-28; an hour before that day began in Texas they were not in force.
        var beforeSigning = new DateTimeOffset(2025, 5, 27, 23, 0, 0, TimeSpan.FromHours(-5));
        var envelope = Envelopes.Booking(Envelopes.NewBookingNumber(), occurredAt: beforeSigning, late: true);

        var text = await (await app.Host.PostBooking(Jail, envelope, 422)).ReadAsTextAsync();

        text.ShouldContain("urn:caseflow:problem:agreement-not-in-force");
    }

    [Fact]
    public async Task a_wso_booking_from_an_agency_without_a_wso_agreement_is_refused()
    {
        var aransas = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.Aransas);
        var envelope = Envelopes.Booking(Envelopes.NewBookingNumber(), model: "WSO");

        var text = await (await app.Host.PostBooking(aransas, envelope, 422)).ReadAsTextAsync();

        text.ShouldContain("urn:caseflow:problem:no-agreement-for-model");
    }

    [Fact]
    public async Task a_refusal_is_not_remembered_so_a_corrected_retry_is_judged_afresh()
    {
        var bookingNumber = Envelopes.NewBookingNumber();
        var eventId = Guid.NewGuid();
        var infractionOnly = Envelopes.Booking(bookingNumber, eventId: eventId,
            charges: new[] { new { code = "TC 545.351", description = "Speeding", level = "Infraction" } });
        await app.Host.PostBooking(Jail, infractionOnly, 422);

        await app.Host.PostBooking(Jail, Envelopes.Booking(bookingNumber, eventId: eventId), 201);
    }

    [Fact]
    public async Task identifiers_in_bad_form_are_named_but_never_echoed()
    {
        var envelope = Envelopes.Booking(Envelopes.NewBookingNumber(), subject: new
        {
            name = new { given = "Alex", family = "Echocheck" },
            dateOfBirth = "03/02/1990",
            aNumber = "X-SECRET-99",
        });

        var text = await (await app.Host.PostBooking(Jail, envelope, 400)).ReadAsTextAsync();

        text.ShouldContain("data.subject.dateOfBirth");
        text.ShouldContain("data.subject.aNumber");
        text.ShouldNotContain("X-SECRET-99");
        text.ShouldNotContain("03/02/1990");
        text.ShouldNotContain("Echocheck");
    }
}
