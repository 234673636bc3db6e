using CaseFlow.Client;
using CaseFlow.Client.Generated;
using CaseFlow.Client.Generated.Models;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.Kiota.Abstractions;

namespace CaseFlow.Server.Tests.Client;

/// <summary>The generated client, with the kit's handlers, over the test host: what a jail system would use, in process.</summary>
public static class GeneratedClient
{
    /// <summary>Retries as the kit does, without the waits (the host here answers <c>case-busy</c> only when a test wants it).</summary>
    private static readonly CaseFlowRetryOptions Retry = new() { BaseDelay = TimeSpan.Zero };

    public static CaseFlowApiClient Client(this AppFixture app, string token) =>
        CaseFlowClient.Create(new Uri("http://localhost"), _ => ValueTask.FromResult(token), Retry, app.Host.Server.CreateHandler());

    /// <summary>Whether an event at <paramref name="at"/> is past CaseFlow's late window (72 hours), with a margin.</summary>
    public static bool Late(DateTimeOffset at) => at < DateTimeOffset.UtcNow.AddDays(-2);

    public static async Task<AppendResult> Post(this CaseFlowApiClient client, Guid caseId, CaseEventEnvelope envelope) =>
        (await client.Api.Cases[caseId].Events.PostAsync(envelope, cancellationToken: TestContext.Current.CancellationToken))!;

    public static async Task<Guid> Book(this CaseFlowApiClient client, string ori, string bookingNumber, ProgramModel model, DateTimeOffset referredAt, string aNumber)
    {
        var booked = await client.Api.Bookings.PostAsync(new EventEnvelopeOfBookingData
        {
            EventId = Guid.NewGuid(),
            OccurredAt = referredAt,
            Data = Booking(bookingNumber, model, referredAt, aNumber),
        }, cancellationToken: TestContext.Current.CancellationToken);
        booked!.Id.ShouldBe(Ids.CaseFlowIds.Case(ori, bookingNumber));
        return booked.Id!.Value;
    }

    /// <summary>A booking's data: booked half an hour before its referral, on a misdemeanour, of a made-up person.</summary>
    public static BookingData Booking(string bookingNumber, ProgramModel model, DateTimeOffset referredAt, string aNumber) => new()
    {
        Model = model,
        BookingNumber = bookingNumber,
        BookedAt = referredAt.AddMinutes(-30),
        Charges = [new ChargeData { Code = "TX PC 49.04", Description = "Driving while intoxicated", Level = ChargeLevel.Misdemeanor }],
        Subject = new SubjectData { Name = new NameData { Given = "Alex", Family = "Clientperson" }, DateOfBirth = new Date(1990, 2, 3), ANumber = aNumber },
    };
}
