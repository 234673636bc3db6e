using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using FromHeaderAttribute = Microsoft.AspNetCore.Mvc.FromHeaderAttribute;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;

namespace CaseFlow.Server.Intake;

public static class PostCaseEventEndpoint
{
    /// <summary>
    /// Appends one event to a case. Writers on a case queue behind each other; <c>If-Match: "version"</c> makes the
    /// write conditional (412 when the case has moved on). The event types and who may post each are in CaseEventKinds.
    /// </summary>
    [WolverinePost("/api/cases/{caseId}/events", Name = "PostCaseEvent")]
    [Authorize(Policy = Policies.AppendCaseEvents)]
    public static async Task<IResult> Post(
        Guid caseId, EventEnvelope<JsonObject> envelope, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user,
        EventWriter writer, IMessageContext context, TimeProvider clock, IOptions<IntakeOptions> intake, IOptions<JsonOptions> json,
        HttpResponse response, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (eventId, occurredAt, late, officerId) = envelope.Read(errors, clock.GetUtcNow(), intake.Value.LateWindow);
        var expectedVersion = ParseIfMatch(ifMatch, errors);
        if (envelope.Type is null || !CaseEventKinds.ByType.TryGetValue(envelope.Type, out var kind))
        {
            errors.Add("type", $"type must be one of {string.Join(", ", CaseEventKinds.ByType.Keys)}.");
            return Results.Problem(errors.ToProblem());
        }

        var data = ReadData(envelope.Data, kind.DataType, json.Value.SerializerOptions, errors);
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        var caller = CallerScope.From(user);
        if (!kind.Roles.Contains(caller.Role))
        {
            return Results.Problem(statusCode: 403, type: "urn:caseflow:problem:role-may-not-post-event-type",
                title: "Your role may not post this event", detail: $"{envelope.Type} is posted by: {string.Join(", ", kind.Roles)}.");
        }

        var fingerprint = IncomingEvent.FingerprintOf(caseId, envelope.Type, occurredAt, late, officerId, IncomingEvent.ToNode(data, json.Value.SerializerOptions));
        var incoming = new IncomingEvent(eventId, envelope.Type, occurredAt, late, officerId, fingerprint);
        var outcome = await writer.Write(
            new WriteRequest(caseId, incoming, caller, _ => state =>
                kind.Rule(state!, data!) is { } refusal ? Decision.Refuse(refusal) : Decision.Accept(data!))
            {
                IfMatch = expectedVersion,
            },
            context,
            ct);
        return outcome.ToResult(response);
    }

    private static object? ReadData(JsonObject? data, Type type, JsonSerializerOptions options, FieldErrors errors)
    {
        if (data is null)
            return null;
        try
        {
            return data.Deserialize(type, options);
        }
        catch (JsonException e)
        {
            errors.Add(e.Path is { Length: > 1 } path ? "data" + path[1..] : "data", e.Message);
            return null;
        }
    }

    private static long? ParseIfMatch(string? ifMatch, FieldErrors errors)
    {
        if (ifMatch is null || ifMatch.Trim() == "*")
            return null;
        if (long.TryParse(ifMatch.Trim().Trim('"'), out var version) && version > 0)
            return version;
        errors.Add("If-Match", "If-Match must be the case's ETag, a version in quotes such as \"3\".");
        return null;
    }
}
