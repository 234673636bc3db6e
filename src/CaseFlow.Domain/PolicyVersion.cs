namespace CaseFlow.Domain;

/// <summary>
/// The version of the rule set CaseFlow applies, stored with every event so an auditor can tell which rules judged it.
/// Raise it whenever a rule or a policy parameter changes meaning.
/// </summary>
public static class PolicyVersion
{
    public const string Current = "2026.12.1";
}
