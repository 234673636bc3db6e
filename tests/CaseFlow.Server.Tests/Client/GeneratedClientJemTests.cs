using CaseFlow.Client.Api.Models;
using CaseFlow.Ids;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Client;

/// <summary>A whole JEM case driven through the client generated from docs/openapi.json, with typed calls only.</summary>
public class GeneratedClientJemTests(AppFixture app)
{
    [Fact]
    public async Task a_jem_case_goes_from_booking_to_closure_through_the_generated_client()
    {
        var jem = await CaseScenario.Create(app);
        var jail = app.Client(jem.Jail);
        var bookingNumber = Envelopes.NewBookingNumber();
        var referredAt = DateTimeOffset.UtcNow.AddHours(-3);

        var booked = await jail.Api.Bookings.PostAsync(new EventEnvelopeOfBookingData
        {
            EventId = Guid.NewGuid(),
            OccurredAt = Envelopes.Instant(referredAt),
            Data = new BookingData
            {
                Model = "JEM",
                BookingNumber = bookingNumber,
                BookedAt = Envelopes.Instant(referredAt.AddMinutes(-30)),
                Charges = [new ChargeData { Code = "TX PC 49.04", Description = "Driving while intoxicated", Level = "Misdemeanor" }],
                Subject = new SubjectData { Name = new NameData { Given = "Alex", Family = "Clientperson" }, DateOfBirth = "1990-02-03", ANumber = "A012345679" },
            },
        }, cancellationToken: TestContext.Current.CancellationToken);

        var caseId = CaseFlowIds.Case(jem.Ori, bookingNumber);
        booked!.Id.ShouldBe(caseId);
        var summary = await jail.Api.Cases[caseId].GetAsync(cancellationToken: TestContext.Current.CancellationToken);
        summary!.Status.ShouldBe(CaseStatus.Booked);
    }
}
