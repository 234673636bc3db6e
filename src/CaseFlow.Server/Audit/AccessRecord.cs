namespace CaseFlow.Server.Audit;

/// <summary>
/// One access, with the fields the CJIS Security Policy asks of an audit record (AU-3): when, who (user, role,
/// agency), what (record, action), where from, and the outcome. Never a person identifier: records are named by id.
/// </summary>
public sealed record AccessRecord(
    DateTimeOffset At,
    string User,
    string Role,
    string Agency,
    string Record,
    Guid? CaseId,
    string Action,
    string Outcome,
    string Source,
    string TraceId);

/// <summary>The outcomes an access can have, as stored.</summary>
public static class AccessOutcomes
{
    public const string Allowed = "allowed";
    public const string Found = "found";
    public const string Appended = "appended";
    public const string Replayed = "replayed";
    public const string Conflict = "conflict";
    public const string NotFound = "not-found";
    public const string Denied = "denied";
    public const string AuthenticationFailed = "authentication-failed";
    public const string NoCredentials = "no-credentials";
    public const string Failed = "failed";

    private const string ProblemPrefix = "urn:caseflow:problem:";

    /// <summary>Refused: "refused:" and the code of CaseFlow's problem type (<c>self-approval</c>), or else the status.</summary>
    public static string Refused(string? problemTypeOrCode, int status) =>
        "refused:" + (problemTypeOrCode switch
        {
            { Length: > 0 } type when type.StartsWith(ProblemPrefix, StringComparison.Ordinal) => type[ProblemPrefix.Length..],
            { Length: > 0 } code when !code.Contains(':', StringComparison.Ordinal) => code,
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}
