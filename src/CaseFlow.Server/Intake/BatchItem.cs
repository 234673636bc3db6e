using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Server.Intake;

/// <summary>
/// One envelope of a batch, read on its own so that one malformed item is refused alone. Bookings address their case
/// by ORI and booking number, case events by the <c>caseId</c> the client computed; <see cref="CaseKey"/> groups them.
/// <see cref="User"/> is who sent it: the batch's caller, or in the demo loader each write's own sender.
/// </summary>
public sealed record BatchItem(int Index, ClaimsPrincipal User, Guid? EventId, Guid? CaseId, string CaseKey, EventEnvelope<BookingData>? Booking, EventEnvelope<JsonObject>? CaseEvent, ProblemDetails? Unreadable)
{
    public static BatchItem Read(int index, JsonNode? node, ClaimsPrincipal user, JsonSerializerOptions json)
    {
        if (node is not JsonObject item)
            return Rejected(index, user, "Each item is an envelope object.");
        var eventId = item["eventId"] is JsonValue id && Guid.TryParse(id.ToString(), out var parsed) ? parsed : (Guid?)null;
        try
        {
            if (item["type"]?.ToString() is null or PostBookingEndpoint.EventType)
            {
                var booking = item.Deserialize<EventEnvelope<BookingData>>(json);
                var number = booking?.Data?.BookingNumber;
                var caseId = number is null ? (Guid?)null : CaseFlow.Domain.Cases.CaseId.For(CallerScope.From(user).Ori ?? "", number);
                return new BatchItem(index, user, eventId, caseId, caseId?.ToString() ?? $"item-{index}", booking, null, null);
            }

            var caseIdText = item["caseId"]?.ToString();
            if (!Guid.TryParse(caseIdText, out var target))
                return Rejected(index, user, "A case event names its case in caseId (the UUIDv5 of ORI and booking number).", eventId);
            var envelope = (JsonObject)item.DeepClone();
            envelope.Remove("caseId");
            return new BatchItem(index, user, eventId, target, target.ToString(), null, envelope.Deserialize<EventEnvelope<JsonObject>>(json), null);
        }
        catch (JsonException e)
        {
            return Rejected(index, user, ClientJsonErrors.Describe(e.Message), eventId);
        }
    }

    /// <summary>The item planned for the append path as a single write of it would be; <paramref name="known"/> is its case as it stands.</summary>
    public PreparedWrite Prepare(CaseStanding? known, IntakeServices intake, GovernanceOptions governance) =>
        Unreadable is not null ? PreparedWrite.Rejected(Unreadable)
        : Booking is not null ? PostBookingEndpoint.Prepare(Booking, CallerScope.From(User), intake)
        : PostCaseEventEndpoint.Prepare(CaseId!.Value, known, CaseEvent!, null, User, intake, governance);

    /// <summary>What the item asks for, for its access record when it is refused before the append path.</summary>
    public string Action => Booking is not null ? PostBookingEndpoint.EventType : CaseEvent?.Type ?? "batch-item";

    /// <summary>The case an item refused before the append path names: none for a booking, whose case is known only once it is read.</summary>
    public Guid? CaseOfRefused => Booking is not null ? null : CaseId;

    /// <summary>Not tried: an earlier item of its case was refused, and this one may depend on it.</summary>
    public BatchItemResult Skipped() => new(Index, EventId, BatchItemStatus.SkippedDependency, CaseId, null, null);

    public BatchItemResult Result(IntakeAnswer answer) => Result(answer, answer.Problem is null ? CaseId : CaseOfRefused);

    private BatchItemResult Result(IntakeAnswer answer, Guid? caseId) => answer.Outcome switch
    {
        WriteOutcome.Appended(var r, _) => new(Index, r.EventId, BatchItemStatus.Applied, r.Id, r.Version, null) { AppendedByCaseFlow = r.AppendedByCaseFlow, Position = r.Position },
        WriteOutcome.Replayed(var r, _) => new(Index, r.EventId, BatchItemStatus.Replayed, r.Id, r.Version, null) { AppendedByCaseFlow = r.AppendedByCaseFlow, Position = r.Position },
        WriteOutcome.IdConflict or WriteOutcome.AlreadyStarted => new(Index, EventId, BatchItemStatus.Conflict, caseId, null, WriteResults.ProblemFor(answer.Outcome, WriteTarget.Case)),
        { } outcome => new(Index, EventId, BatchItemStatus.Refused, caseId, null, WriteResults.ProblemFor(outcome, WriteTarget.Case)),
        null => new(Index, EventId, BatchItemStatus.Refused, caseId, null, answer.Problem),
    };

    private static BatchItem Rejected(int index, ClaimsPrincipal user, string detail, Guid? eventId = null) =>
        new(index, user, eventId, null, $"item-{index}", null, null, new FieldErrors { { $"events[{index}]", detail } }.ToProblem());
}
