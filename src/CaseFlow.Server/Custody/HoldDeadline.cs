using CaseFlow.Domain.Cases;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Security;
using UUIDNext;
using Wolverine;

namespace CaseFlow.Server.Custody;

/// <summary>
/// A hold's deadline has come. Scheduled durably in the same transaction as the <see cref="HoldStarted"/> it belongs to,
/// so it survives restarts and fires once across nodes.
/// </summary>
public sealed record HoldDeadlineReached(Guid CaseId, DateTimeOffset Deadline);

public static class HoldDeadlineHandler
{
    public static readonly CallerScope Timer = new("caseflow-hold-timer", "system", null, null, null);
    private static readonly Guid EventNamespace = new("3b7e91c4-58d2-4a0f-9e6b-1c2d3e4f5a60");

    public static ScheduledMessage? ScheduleFor(Guid caseId, object @event) =>
        @event is HoldStarted { Deadline: { } deadline } ? new ScheduledMessage(new HoldDeadlineReached(caseId, deadline), deadline) : null;

    /// <summary>
    /// Looks at the case again: if the person is still held under this very deadline, the hold expired; a moved or met
    /// deadline (released, transferred, another hold) makes this a no-op. The event id follows from case and deadline,
    /// so a repeated delivery appends nothing.
    /// </summary>
    public static async Task Handle(HoldDeadlineReached message, EventWriter writer, IMessageContext context, TimeProvider clock, CancellationToken ct)
    {
        if (clock.GetUtcNow() < message.Deadline)
        {
            // Delivered early (a replay, a clock ahead of ours): wait for the deadline itself.
            await context.ScheduleAsync(message, message.Deadline);
            return;
        }

        var eventId = Uuid.NewNameBased(EventNamespace, $"{message.CaseId}|{message.Deadline:O}");
        var fingerprint = IncomingEvent.FingerprintOf(message.CaseId, nameof(HoldExpired), message.Deadline, late: false, officerId: null, content: null);
        var incoming = new IncomingEvent(eventId, nameof(HoldExpired), message.Deadline, Late: false, OfficerId: null, fingerprint);
        var outcome = await writer.Write(
            new WriteRequest<CaseFile>(message.CaseId, incoming, Timer, _ => state =>
                state?.Hold?.Deadline == message.Deadline && CaseSequence.Why(state, typeof(HoldExpired)) is null
                    ? Decision.Accept(new HoldExpired(message.Deadline))
                    : Decision.Refuse(new CaseFlow.Domain.Refusal("hold-deadline-moot", "Nothing to expire", "The hold was met or moved."))),
            context,
            ct);
        if (outcome is WriteOutcome.Busy)
            throw new TimeoutException($"Case {message.CaseId} stayed busy; the hold deadline will be tried again.");
    }
}
