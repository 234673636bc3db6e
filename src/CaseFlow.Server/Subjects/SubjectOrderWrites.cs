using System.Text.Json;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Subjects;

/// <summary>What a proposal or an approval answers: the order, and the case event that recorded the step.</summary>
public sealed record SubjectOrderAnswer(Guid OrderId, Guid CaseId, Guid EventId, string Type, long Version);

/// <summary>What the two steps of a subject order share on their way through the one append path.</summary>
public static class SubjectOrderWrites
{
    private static readonly WriteTarget Subject = new("subject", "/api/subjects/", "subject-order-conflict", "The order is already recorded.");

    /// <summary>An order step as the append path takes it; the request names no instant.</summary>
    public static IncomingEvent Incoming(Guid eventId, Guid caseId, CaseEvent e, DateTimeOffset now, JsonSerializerOptions json) =>
        IncomingEvent.Undated(eventId, caseId, e.GetType().Name, e, now, json);

    public static IResult Answer(WriteOutcome outcome, Guid orderId, int status, HttpResponse response)
    {
        if (outcome is WriteOutcome.Replayed)
            response.Headers[WriteResults.ReplayedHeader] = "true";
        return outcome switch
        {
            WriteOutcome.Appended appended => Success(appended.Result, orderId, status, response),
            WriteOutcome.Replayed replayed => Success(replayed.Result, orderId, status, response),
            _ => outcome.ToResult(response, Subject),
        };
    }

    private static IResult Success(AppendResult result, Guid orderId, int status, HttpResponse response)
    {
        response.Headers.ETag = WriteResults.ETag(result.Version);
        return Results.Json(new SubjectOrderAnswer(orderId, result.Id, result.EventId, result.Type, result.Version), statusCode: status);
    }
}
