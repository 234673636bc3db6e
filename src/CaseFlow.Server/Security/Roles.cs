namespace CaseFlow.Server.Security;

/// <summary>The roles of design.md's "Who may do what" table, as carried in the token's <c>role</c> claim.</summary>
public static class Roles
{
    public const string ScreeningSystem = "screening-system";
    public const string Officer = "officer";
    public const string Supervisor = "supervisor";
    public const string Auditor = "auditor";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [ScreeningSystem, Officer, Supervisor, Auditor, Analyst, Admin];
}

/// <summary>The claims CaseFlow reads from a token.</summary>
public static class CaseFlowClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Ori = "ori";
    public const string OfficerId = "officer_id";
    public const string FieldOffice = "field_office";

    /// <summary>The warrant types a supervisor may issue (approval chain, 8 CFR 241.2 and 287.5): "I-200 I-205".</summary>
    public const string WarrantAuthority = "warrant_authority";
}
