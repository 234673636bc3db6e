using Alba;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using Marten;

namespace CaseFlow.Server.Tests.Intake;

public class BookingTests(AppFixture app)
{
    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);

    [Fact]
    public async Task a_booking_starts_a_case_at_the_id_its_agency_and_booking_number_give()
    {
        var bookingNumber = Envelopes.NewBookingNumber();
        var result = await app.Host.PostBooking(Jail, Envelopes.Booking(bookingNumber));

        var answer = await result.ReadAsJsonAsync<AppendResult>();
        answer.Id.ShouldBe(CaseId.For(Agencies.FortBend, bookingNumber));
        answer.Version.ShouldBe(1);
        answer.Type.ShouldBe("BookingRecorded");
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/cases/{answer.Id}");
        result.Context.Response.Headers.ETag.ToString().ShouldBe("\"1\"");

        var read = await (await app.Host.GetAs(Jail, $"/api/cases/{answer.Id}")).ReadAsJsonAsync<CaseSummary>();
        var summary = read.Case;
        summary.BookingNumber.ShouldBe(bookingNumber);
        read.Status.ShouldBe(CaseStatus.Booked);
        read.NextSteps.ShouldContain("ScreeningOpened");
        summary.FieldOfficeCode.ShouldBe("HOU");
        summary.SubjectRef.ShouldBe(CaseId.SubjectRefFor(answer.Id));
    }

    [Fact]
    public async Task the_same_request_again_gets_the_original_answer_and_stores_nothing_more()
    {
        var envelope = Envelopes.Booking(Envelopes.NewBookingNumber());
        var first = await (await app.Host.PostBooking(Jail, envelope)).ReadAsTextAsync();

        var again = await app.Host.PostBooking(Jail, envelope);

        again.Context.Response.Headers[WriteResults.ReplayedHeader].ToString().ShouldBe("true");
        (await again.ReadAsTextAsync()).ShouldBe(first);
        await EventCountShouldBe(envelope, 1);
    }

    [Fact]
    public async Task the_same_event_id_with_other_content_is_a_conflict()
    {
        var envelope = Envelopes.Booking(Envelopes.NewBookingNumber());
        await app.Host.PostBooking(Jail, envelope);

        var altered = Envelopes.Booking(Envelopes.NewBookingNumber(), eventId: (Guid)envelope["eventId"]!);
        var result = await app.Host.PostBooking(Jail, altered, 409);

        (await result.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:event-id-conflict");
    }

    [Fact]
    public async Task the_same_person_under_the_same_event_id_must_be_the_same_person()
    {
        var bookingNumber = Envelopes.NewBookingNumber();
        var envelope = Envelopes.Booking(bookingNumber);
        await app.Host.PostBooking(Jail, envelope);

        var otherPerson = Envelopes.Booking(bookingNumber, eventId: (Guid)envelope["eventId"]!, subject: Envelopes.Subject("Someoneelse"));
        otherPerson["occurredAt"] = envelope["occurredAt"];
        await app.Host.PostBooking(Jail, otherPerson, 409);
    }

    [Fact]
    public async Task a_booking_sent_again_under_a_new_event_id_is_answered_with_the_case_it_started()
    {
        var bookingNumber = Envelopes.NewBookingNumber();
        var original = Envelopes.Booking(bookingNumber);
        var first = await (await app.Host.PostBooking(Jail, original)).ReadAsJsonAsync<AppendResult>();

        var resent = new Dictionary<string, object?>(original) { ["eventId"] = Guid.NewGuid() };
        var again = await app.Host.PostBooking(Jail, resent);

        again.Context.Response.Headers[WriteResults.ReplayedHeader].ToString().ShouldBe("true");
        (await again.ReadAsJsonAsync<AppendResult>()).ShouldBe(first);
    }

    [Fact]
    public async Task the_same_booking_number_with_other_content_is_a_conflict()
    {
        var bookingNumber = Envelopes.NewBookingNumber();
        await app.Host.PostBooking(Jail, Envelopes.Booking(bookingNumber));

        var different = Envelopes.Booking(bookingNumber, charges: new[] { new { code = "TX PC 22.01", description = "Assault", level = "Felony" } });
        var result = await app.Host.PostBooking(Jail, different, 409);

        (await result.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:booking-already-recorded");
    }

    [Fact]
    public async Task a_booking_is_posted_for_the_callers_own_agency_only_by_its_system_or_officers()
    {
        var envelope = Envelopes.Booking(Envelopes.NewBookingNumber());

        await app.Host.PostBooking(app.Tokens.For(Roles.Analyst), envelope, 403);
        await app.Host.PostBooking(app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), envelope, 403);
        await app.Host.PostBooking(app.Tokens.For(Roles.Admin), envelope, 403);
        await app.Host.PostBooking(app.Tokens.For(Roles.Officer, ori: Agencies.FortBend, officerId: "FB-1001"), envelope, 201);
    }

    private async Task EventCountShouldBe(Dictionary<string, object?> envelope, int expected)
    {
        await using var session = app.Store.QuerySession();
        var eventId = (Guid)envelope["eventId"]!;
        var stored = await session.Events.LoadAsync(eventId, TestContext.Current.CancellationToken);
        var events = await session.Events.FetchStreamAsync(stored!.StreamId, token: TestContext.Current.CancellationToken);
        events.Count.ShouldBe(expected);
    }
}
