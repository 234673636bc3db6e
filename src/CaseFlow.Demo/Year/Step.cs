using System.Text.Json.Nodes;
using CaseFlow.Demo.Plan;

namespace CaseFlow.Demo.Year;

/// <summary>
/// One write a timeline of the year makes: <see cref="By"/> posts <see cref="Body"/> to <see cref="Path"/>, the event
/// occurring at <see cref="At"/>. An offline jail holds it back: then it is sent at <see cref="SentAt"/> as an item of
/// the agency's batch (<see cref="HeldBy"/>), naming <see cref="Stream"/>, its case.
/// </summary>
public sealed record Step(DateTimeOffset At, DemoActor By, string Path, JsonObject Body)
{
    public DateTimeOffset SentAt { get; init; } = At;

    public Guid Stream { get; init; }

    public Agency? HeldBy { get; init; }

    public DemoWrite Write() => new(SentAt, By, Path, Body);
}
