using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Complaints;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Tests.Governance;

public class ComplaintTests(AppFixture app)
{
    [Fact]
    public async Task a_complaint_notified_after_its_weekday_deadline_shows_late_and_one_notified_in_time_does_not()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, ProgramModel.JEM);
        var agency = app.Tokens.For(Roles.ScreeningSystem, ori: ori);
        await app.Host.Nominate(agency, "B-21", DateTimeOffset.UtcNow.AddDays(-40), "JEM");
        var friday = LastFridayAfternoon();

        var late = await Receive(agency, "IA-1", friday);
        var onTime = await Receive(agency, "IA-2", friday);
        await app.Host.Post(agency, $"/api/complaints/{onTime}/events",
            GovernanceClient.Envelope("IceNotifiedOfComplaint", new { notifiedAt = Envelopes.Instant(friday.AddDays(3)) }), 200);

        var lateDetails = await (await app.Host.GetAs(agency, $"/api/complaints/{late}")).ReadAsJsonAsync<ComplaintDetails>();
        var onTimeDetails = await (await app.Host.GetAs(app.Tokens.For(Roles.Supervisor, fieldOffice: SyntheticAgencies.FieldOffice), $"/api/complaints/{onTime}")).ReadAsJsonAsync<ComplaintDetails>();
        lateDetails.Complaint.NotificationDue.ShouldBe(WeekdayHours.Add(friday, 48, SyntheticAgencies.TimeZone));
        lateDetails.NotificationLate.ShouldBeTrue();
        onTimeDetails.NotificationLate.ShouldBeFalse();
    }

    [Fact]
    public async Task a_complaint_names_an_officer_of_the_agency()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, ProgramModel.JEM);
        var agency = app.Tokens.For(Roles.ScreeningSystem, ori: ori);

        var refused = await app.Host.Post(agency, "/api/complaints", GovernanceClient.Envelope("ComplaintReceived",
            new { complaintNumber = "IA-3", againstBadgeNumber = "NOBODY", learnedAt = Envelopes.Instant(DateTimeOffset.UtcNow.AddDays(-1)) }), 422);

        (await refused.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:unknown-officer");
    }

    private async Task<Guid> Receive(string agency, string number, DateTimeOffset learnedAt)
    {
        var result = await app.Host.Post(agency, "/api/complaints", GovernanceClient.Envelope("ComplaintReceived",
            new { complaintNumber = number, againstBadgeNumber = "B-21", learnedAt = Envelopes.Instant(learnedAt) }, learnedAt), 201);
        return (await result.ReadAsJsonAsync<AppendResult>()).Id;
    }

    /// <summary>15:00 Guam time on a Friday at least a week ago, so the 48-hour weekday deadline (the next Tuesday) has passed.</summary>
    private static DateTimeOffset LastFridayAfternoon()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-7));
        while (day.DayOfWeek != DayOfWeek.Friday)
            day = day.AddDays(-1);
        return LocalDay.Start(day, SyntheticAgencies.TimeZone).AddHours(15);
    }
}
