using System.Text.Json.Nodes;

namespace CaseFlow.Demo.Plan;

/// <summary>
/// One request of the demo year as the HTTP API takes it: <see cref="By"/> POSTs <see cref="Body"/> (the JSON body
/// documented in docs/events.md, its event id included) to <see cref="Path"/> (for example <c>/api/bookings</c>,
/// <c>/api/cases/{caseId}/events</c>, <c>/api/events/batch</c>, <c>/api/officers/{officerId}/events</c>) when the
/// simulated clock reads <see cref="SentAt"/>. The instants inside the body (when things happened) are at or before
/// <see cref="SentAt"/>; an offline jail's writes are sent days after they happened, as a batch.
/// </summary>
public sealed record DemoWrite(DateTimeOffset SentAt, DemoActor By, string Path, JsonObject Body);
