using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Writing;

/// <summary>
/// The one path for the event that starts a stream (a booking, a nomination, a complaint): the envelope's own
/// fields, then the endpoint's reading of its data (which names the stream, what the fingerprint covers and the
/// plan), then the acting officer; the plan starts the stream, so the same start sent again is answered as the first.
/// </summary>
public static class StreamStarts
{
    /// <summary>What a start endpoint read from its data: the stream it starts, what its fingerprint covers, the plan for the event.</summary>
    public sealed record Start(Guid StreamId, object Content, Func<IncomingEvent, WritePlan> Plan);

    /// <param name="read">Reads and checks the data at the given instant (now), adding what is wrong to the errors; null when it cannot be read.</param>
    public static PreparedWrite Prepare<TData>(
        EventEnvelope<TData> envelope, string type, CallerScope caller, IntakeServices intake, Func<TData?, FieldErrors, DateTimeOffset, Start?> read)
        where TData : class
    {
        var now = intake.Clock.GetUtcNow();
        var errors = new FieldErrors();
        var (eventId, occurredAt, late, officerId) = envelope.Read(errors, now, intake.Options.LateWindow);
        var start = read(envelope.Data, errors, now);
        if (errors.Count > 0)
            return PreparedWrite.Rejected(errors.ToProblem());
        if (caller.OfficerRefusal(officerId) is { } notYours)
            return PreparedWrite.Rejected(notYours);

        var incoming = IncomingEvent.Of(eventId, start!.StreamId, type, occurredAt, late, caller.ActingOfficer(officerId), start.Content, intake.Json);
        return PreparedWrite.Of(start.Plan(incoming));
    }
}
