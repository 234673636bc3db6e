using CaseFlow.Domain.Cases;
using CaseFlow.Server.Operations;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Wolverine;

namespace CaseFlow.Server.Custody;

/// <summary>
/// A hold's deadline has come. Scheduled durably in the same transaction as the <see cref="HoldStarted"/> it belongs to,
/// so it survives restarts and fires once across nodes; keyed by that event, so a later hold has its own.
/// </summary>
public sealed record HoldDeadlineReached(Guid CaseId, Guid HoldEventId, DateTimeOffset Deadline);

public static class HoldDeadlineHandler
{
    public static readonly CallerScope Timer = new("caseflow-hold-timer", "system", null, null, null);

    public static ScheduledMessage? ScheduleFor(Guid caseId, Guid eventId, object @event) =>
        @event is HoldStarted { Deadline: { } deadline } ? new ScheduledMessage(new HoldDeadlineReached(caseId, eventId, deadline), deadline) : null;

    /// <summary>
    /// Looks at the case again: if the person is still held under this very hold, it expired; a met or withdrawn hold
    /// (released, transferred, its basis voided) makes this a no-op. The event id follows from case and hold, so a
    /// repeated delivery appends nothing.
    /// </summary>
    public static async Task Handle(
        HoldDeadlineReached message, EventWriter writer, IMessageContext context, TimeProvider clock, MessageScheduler scheduler, CaseFlowMetrics metrics,
        CancellationToken ct)
    {
        // The clock is the database's (DatabaseClock): a node whose own clock runs ahead is delivered the message early.
        var late = clock.GetUtcNow() - message.Deadline;
        if (late < TimeSpan.Zero)
        {
            // Delivered early (a replay, a node clock ahead of the database's): wait for the deadline itself.
            await scheduler.Schedule(context, new ScheduledMessage(message, message.Deadline));
            metrics.DeadlineFired("early", late);
            return;
        }

        var eventId = HoldClock.ExpiryIdFor(message.CaseId, message.HoldEventId);
        var incoming = IncomingEvent.System(eventId, message.CaseId, nameof(HoldExpired), message.Deadline);
        var outcome = await writer.Write(
            WritePlan<CaseFile>.Of(message.CaseId, incoming, Timer, state =>
                state?.HoldEventId == message.HoldEventId && CaseSequence.Why(state, typeof(HoldExpired)) is null
                    ? Decision.Accept(new HoldExpired(message.Deadline))
                    : Decision.Refuse(new CaseFlow.Domain.Refusal("hold-deadline-moot", "Nothing to expire", "The hold was met or withdrawn."))),
            ct);
        if (outcome is WriteOutcome.Busy or WriteOutcome.Failed)
            throw new TimeoutException($"Case {message.CaseId} could not be written ({outcome.GetType().Name}); the hold deadline will be tried again.");
        metrics.DeadlineFired(outcome switch { WriteOutcome.Appended => "expired", WriteOutcome.Replayed => "repeated", _ => "met" }, late);
    }
}
