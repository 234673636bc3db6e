using System.Text.Json.Nodes;
using Alba;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Bookings of one person, and the subject endpoints, through the real HTTP pipeline.</summary>
public static class SubjectClient
{
    /// <summary>A fresh A-number and FBI number, so each test's person is its own.</summary>
    public static (string ANumber, string FbiNumber) NewPerson() =>
        ($"A{Random.Shared.Next(100_000_000, 999_999_999)}", $"U{Random.Shared.Next(10_000_000, 99_999_999)}");

    public static object Subject(string aNumber, string fbiNumber, string family = "Example") =>
        new { name = new { given = "Alex", family }, dateOfBirth = "1990-02-03", aNumber, fbiNumber };

    /// <summary>Books the person at the token's agency; answers the case id and the subject ref.</summary>
    public static async Task<(Guid CaseId, Guid SubjectRef)> Book(this IAlbaHost host, string jail, object subject)
    {
        var caseId = await host.StartCaseWith(jail, Envelopes.Booking(Envelopes.NewBookingNumber(), subject: subject));
        return (caseId, CaseId.SubjectRefFor(caseId));
    }

    public static async Task<JsonNode> Json(this IScenarioResult result) => JsonNode.Parse(await result.ReadAsTextAsync())!;

    public static Task<IScenarioResult> Propose(
        this IAlbaHost host, string admin, Guid subjectRef, string action, string legalBasis, int status = 202, Guid? eventId = null) =>
        host.Post(admin, $"/api/subjects/{subjectRef}/orders",
            new { action, legalBasis, orderReference = "TX-DC-2026-0042", eventId = (eventId ?? Guid.NewGuid()).ToString() }, status);

    public static Task<IScenarioResult> Approve(this IAlbaHost host, string admin, Guid subjectRef, Guid orderId, int status = 200) =>
        host.Scenario(s =>
        {
            s.Post.Url($"/api/subjects/{subjectRef}/orders/{orderId}/approval");
            s.Bearer(admin);
            s.StatusCodeShouldBe(status);
        });

    /// <summary>Proposed by one admin, approved by another: the order carried out.</summary>
    public static async Task CarryOut(this IAlbaHost host, string proposer, string approver, Guid subjectRef, string action, string legalBasis)
    {
        var orderId = Guid.NewGuid();
        await host.Propose(proposer, subjectRef, action, legalBasis, eventId: orderId);
        await host.Approve(approver, subjectRef, orderId);
    }
}
