namespace CaseFlow.Demo.Plan;

/// <summary>
/// Who sends a demo write: the claims the sender's token would carry (role <c>role</c>, subject <c>sub</c>, and the
/// scope claims such as <c>ori</c>, <c>field_office</c>, <c>warrant_authority</c>), so the loader authorizes each
/// write exactly as a real request of that sender.
/// </summary>
public sealed record DemoActor(string Role, string Subject, IReadOnlyList<KeyValuePair<string, string>> Claims);
