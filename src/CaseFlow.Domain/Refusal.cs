namespace CaseFlow.Domain;

/// <summary>
/// A rule refused a command. <see cref="Code"/> is stable (the problem type is <c>urn:caseflow:problem:{Code}</c>);
/// <see cref="Detail"/> is written for a jail clerk and never carries a person identifier.
/// </summary>
public sealed record Refusal(string Code, string Title, string Detail)
{
    public string Type => $"urn:caseflow:problem:{Code}";

    /// <summary>Further members of the problem, for a client to act on (the events a void depends on, say).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();
}
