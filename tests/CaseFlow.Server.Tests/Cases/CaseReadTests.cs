using Alba;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Cases;

public class CaseReadTests(AppFixture app)
{
    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);

    [Fact]
    public async Task a_case_is_found_by_its_booking_number()
    {
        var bookingNumber = Envelopes.NewBookingNumber();
        var caseId = await app.Host.StartCase(Jail, bookingNumber);

        var own = await (await app.Host.GetAs(Jail, $"/api/cases?bookingNumber={bookingNumber}")).ReadAsJsonAsync<QueuePage<CaseSummary>>();
        var byAuditor = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases?ori={Agencies.FortBend}&bookingNumber={bookingNumber}")).ReadAsJsonAsync<QueuePage<CaseSummary>>();
        var byOtherAgency = await (await app.Host.GetAs(app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.Aransas), $"/api/cases?ori={Agencies.FortBend}&bookingNumber={bookingNumber}")).ReadAsJsonAsync<QueuePage<CaseSummary>>();

        own.Items.Single().Case.Id.ShouldBe(caseId);
        byAuditor.Items.Single().Case.Id.ShouldBe(caseId);
        byOtherAgency.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_summary_carries_its_version_as_etag()
    {
        var caseId = await app.Host.StartCase(Jail);
        await app.Host.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(2)));

        var result = await app.Host.GetAs(app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), $"/api/cases/{caseId}");

        result.Context.Response.Headers.ETag.ToString().ShouldBe("\"2\"");
    }

    [Fact]
    public async Task history_pages_through_the_events_in_order_with_their_envelope()
    {
        var caseId = await app.Host.StartCase(Jail);
        for (var day = 1; day <= 4; day++)
            await app.Host.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(day)));
        var auditor = app.Tokens.For(Roles.Auditor);

        var first = await (await app.Host.GetAs(auditor, $"/api/cases/{caseId}/history?limit=3")).ReadAsJsonAsync<Page<HistoryEvent>>();
        var rest = await (await app.Host.GetAs(auditor, $"/api/cases/{caseId}/history?limit=3&after={first.Next}")).ReadAsJsonAsync<Page<HistoryEvent>>();

        first.Items.Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
        rest.Items.Select(e => e.Version).ShouldBe([4L, 5L]);
        rest.Next.ShouldBeNull();
        var booking = first.Items[0];
        booking.Type.ShouldBe("BookingRecorded");
        booking.Metadata.GetProperty("role").GetString().ShouldBe(Roles.ScreeningSystem);
        booking.Metadata.GetProperty("ori").GetString().ShouldBe(Agencies.FortBend);
        booking.Metadata.GetProperty("policyVersion").GetString().ShouldNotBeNullOrEmpty();
        booking.Metadata.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        booking.Metadata.GetProperty("hash").GetString()!.Length.ShouldBe(64);
        booking.CorrelationId.ShouldNotBeNullOrEmpty();
        booking.OccurredAt.ShouldNotBeNull();
    }
}
