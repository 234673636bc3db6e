namespace CaseFlow.Domain.Cases;

/// <summary>
/// ICE asked the jail to notify it of the person's release at least 48 hours ahead, when possible (Form I-247A;
/// ICE's detainer data counts it as <c>notify_release_request</c>).
/// </summary>
public sealed record ReleaseNotificationRequested(DateTimeOffset RequestedAt) : CaseEvent;
