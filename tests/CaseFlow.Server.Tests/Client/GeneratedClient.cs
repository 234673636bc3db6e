using CaseFlow.Client;
using CaseFlow.Client.Generated;
using CaseFlow.Client.Generated.Models;
using CaseFlow.Server.Tests.Infrastructure;

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

    /// <summary>
    /// An event envelope as the document types it today: <c>data</c> is still an open object there (the discriminated
    /// envelopes of issue 14a replace this), so its members are given by name.
    /// </summary>
    public static EventEnvelopeOfJsonObject Envelope(string type, DateTimeOffset at, string? officer, params (string Name, object Value)[] data) => new()
    {
        EventId = Guid.NewGuid(),
        Type = type,
        OccurredAt = Envelopes.Instant(at),
        Late = Late(at),
        OfficerId = officer,
        Data = new JsonObject { AdditionalData = data.ToDictionary(d => d.Name, d => d.Value) },
    };

    public static async Task<AppendResult> Step(this CaseFlowApiClient client, Guid caseId, string type, DateTimeOffset at, string? officer, params (string Name, object Value)[] data) =>
        (await client.Api.Cases[caseId].Events.PostAsync(Envelope(type, at, officer, data), cancellationToken: TestContext.Current.CancellationToken))!;

    public static async Task<Guid> Book(this CaseFlowApiClient client, string ori, string bookingNumber, string model, DateTimeOffset referredAt, string aNumber)
    {
        var booked = await client.Api.Bookings.PostAsync(new EventEnvelopeOfBookingData
        {
            EventId = Guid.NewGuid(),
            OccurredAt = Envelopes.Instant(referredAt),
            Data = new BookingData
            {
                Model = model,
                BookingNumber = bookingNumber,
                BookedAt = Envelopes.Instant(referredAt.AddMinutes(-30)),
                Charges = [new ChargeData { Code = "TX PC 49.04", Description = "Driving while intoxicated", Level = "Misdemeanor" }],
                Subject = new SubjectData { Name = new NameData { Given = "Alex", Family = "Clientperson" }, DateOfBirth = "1990-02-03", ANumber = aNumber },
            },
        }, cancellationToken: TestContext.Current.CancellationToken);
        booked!.Id.ShouldBe(Ids.CaseFlowIds.Case(ori, bookingNumber));
        return booked.Id!.Value;
    }
}
