namespace CaseFlow.Server.Intake;

/// <summary>Intake settings (configuration section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    /// <summary>How old an event's occurredAt may be before the client must mark it <c>late</c>.</summary>
    public TimeSpan LateWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How long a writer waits for a busy case before it is answered 409 with Retry-After.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(5);
}
