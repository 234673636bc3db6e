using CaseFlow.Domain.Intake;
using CaseFlow.Server.Platform;

namespace CaseFlow.Server.Intake;

/// <summary>
/// What a client sends for each event: its own event id (a UUID, the stored event's id), the event type, when it
/// occurred (RFC 3339 with an offset), the officer who acted if one did, <c>late</c> for an event held back
/// longer than the late window, and the event's data.
/// </summary>
public sealed record EventEnvelope<TData>(
    Guid? EventId = null, string? Type = null, string? OccurredAt = null, string? OfficerId = null, bool? Late = null, TData? Data = null)
    where TData : class
{
    public const int MaxOfficerIdLength = 64;

    /// <summary>The envelope's own fields, checked; what is wrong goes to <paramref name="errors"/>.</summary>
    public (Guid EventId, DateTimeOffset OccurredAt, bool Late, string? OfficerId) Read(FieldErrors errors, DateTimeOffset now, TimeSpan lateWindow)
    {
        if (EventId is null || EventId == Guid.Empty)
            errors.Add("eventId", "eventId is required: a UUID the client chooses and keeps for retries.");
        var (occurredAt, error) = CaseFlow.Domain.Intake.OccurredAt.Check(OccurredAt, now, lateWindow, Late ?? false);
        if (error is not null)
            errors.Add("occurredAt", error);
        if (OfficerId is { Length: 0 or > MaxOfficerIdLength })
            errors.Add("officerId", $"officerId must be 1 to {MaxOfficerIdLength} characters.");
        if (Data is null)
            errors.Add("data", "data is required.");
        return (EventId ?? Guid.Empty, occurredAt, Late ?? false, OfficerId);
    }
}
