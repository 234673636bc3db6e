using CaseFlow.Server.Platform;
using Wolverine;

namespace CaseFlow.Server.Writing;

/// <summary>
/// Where what a staged write schedules (a hold's deadline, a report's public variant) goes: by default Wolverine's
/// durable outbox, stored in the write's own transaction and delivered by Wolverine's scheduler when due. That scheduler
/// polls the node's clock, so an instant of the database's clock is handed over as the node reads it. The demo loader,
/// whose clock is simulated while that scheduler polls the wall clock, keeps them and delivers them itself.
/// </summary>
public class MessageScheduler(DatabaseClock clock)
{
    public virtual ValueTask Schedule(IMessageContext context, ScheduledMessage scheduled) =>
        context.ScheduleAsync(scheduled.Message, clock.OnNodeClock(scheduled.At));
}
