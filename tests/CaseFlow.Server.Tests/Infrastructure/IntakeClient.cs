using Alba;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Posting bookings and case events through the real HTTP pipeline.</summary>
public static class IntakeClient
{
    public static Task<IScenarioResult> PostBooking(this IAlbaHost host, string token, object envelope, int status = 201) =>
        host.Scenario(s =>
        {
            s.Post.Json(envelope).ToUrl("/api/bookings");
            s.Bearer(token);
            s.StatusCodeShouldBe(status);
        });

    public static Task<Guid> StartCase(this IAlbaHost host, string token, string? bookingNumber = null, string model = "JEM") =>
        host.StartCaseWith(token, Envelopes.Booking(bookingNumber ?? Envelopes.NewBookingNumber(), model));

    public static async Task<Guid> StartCaseWith(this IAlbaHost host, string token, object booking)
    {
        var result = await host.PostBooking(token, booking);
        return (await result.ReadAsJsonAsync<AppendResult>()).Id;
    }

    public static Task<IScenarioResult> PostCaseEvent(this IAlbaHost host, string token, Guid caseId, object envelope, int status = 200, string? ifMatch = null) =>
        host.Scenario(s =>
        {
            s.Post.Json(envelope).ToUrl($"/api/cases/{caseId}/events");
            s.Bearer(token);
            if (ifMatch is not null)
                s.WithRequestHeader("If-Match", ifMatch);
            s.StatusCodeShouldBe(status);
        });
}
