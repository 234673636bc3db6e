using Microsoft.AspNetCore.Authorization;

namespace CaseFlow.Server.Security;

/// <summary>
/// Named authorization policies, one per row of design.md's table. Every endpoint names one of these (or is
/// explicitly anonymous); an endpoint that names none is refused by the fallback policy. Policies read the principal
/// <see cref="TokenPrincipal"/> made at authentication: one role, under its own name, as <see cref="CallerScope"/> reads it.
/// </summary>
public static class Policies
{
    public const string ReadGovernance = "governance:read";
    public const string RecordAgreementEvents = "governance:agreements";
    public const string NominateOfficers = "governance:nominate";
    public const string RecordOfficerEvents = "governance:officers";
    public const string RecordComplaints = "governance:complaints";
    public const string ReadComplaints = "governance:complaints:read";
    public const string WriteIntake = "intake:write";
    public const string AppendCaseEvents = "cases:append";
    public const string ReadCases = "cases:read";
    public const string VerifyIntegrity = "integrity:verify";
    public const string ReplayCases = "cases:replay";
    public const string SignCheckpoints = "integrity:checkpoints";
    public const string Operate = "operations";
    public const string ReadFeed = "feed:read";
    public const string ReadAccessLog = "audit:read";
    public const string RunControlTests = "audit:exceptions";
    public const string OrderSubjects = "subjects:orders";
    public const string ReadQueues = "queues:read";
    public const string ReadStatistics = "statistics:read";
    public const string ReadReportDrafts = "reports:drafts";
    public const string ReadReleasedReports = "reports:released";
    public const string ProposeReportReleases = "reports:propose";
    public const string ApproveReportReleases = "reports:approve";

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(ReadGovernance, RolesIn(Roles.All));
        options.AddPolicy(RecordAgreementEvents, RolesIn([Roles.Admin]));
        options.AddPolicy(NominateOfficers, RolesIn([Roles.ScreeningSystem, Roles.Officer, Roles.Admin]));
        options.AddPolicy(RecordOfficerEvents, RolesIn([Roles.Supervisor, Roles.Admin]));
        options.AddPolicy(RecordComplaints, RolesIn([Roles.ScreeningSystem, Roles.Officer, Roles.Admin]));
        options.AddPolicy(ReadComplaints, RolesIn([Roles.ScreeningSystem, Roles.Officer, Roles.Supervisor, Roles.Auditor, Roles.Admin]));
        options.AddPolicy(WriteIntake, new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(CaseFlowClaims.Role, Roles.ScreeningSystem, Roles.Officer)
            .RequireClaim(CaseFlowClaims.Ori)
            .Build());
        // Which role may post which event type is decided per type (CaseEventKinds); this admits the roles that post any.
        options.AddPolicy(AppendCaseEvents, RolesIn([Roles.ScreeningSystem, Roles.Officer, Roles.Supervisor]));
        options.AddPolicy(ReadCases, RolesIn([Roles.ScreeningSystem, Roles.Officer, Roles.Supervisor, Roles.Auditor]));
        options.AddPolicy(ReadQueues, RolesIn([Roles.Supervisor, Roles.Auditor]));
        options.AddPolicy(ReadStatistics, RolesIn(Roles.All));
        options.AddPolicy(ReadReportDrafts, RolesIn([Roles.Auditor, Roles.Analyst, Roles.Admin]));
        options.AddPolicy(ReadReleasedReports, RolesIn(Roles.All));
        options.AddPolicy(ProposeReportReleases, RolesIn([Roles.Analyst]));
        options.AddPolicy(ApproveReportReleases, RolesIn([Roles.Admin]));
        options.AddPolicy(VerifyIntegrity, RolesIn([Roles.Auditor]));
        options.AddPolicy(ReplayCases, RolesIn([Roles.Auditor]));
        options.AddPolicy(SignCheckpoints, RolesIn([Roles.Auditor, Roles.Admin]));
        options.AddPolicy(ReadAccessLog, RolesIn([Roles.Auditor]));
        options.AddPolicy(RunControlTests, RolesIn([Roles.Auditor]));
        options.AddPolicy(Operate, RolesIn([Roles.Admin]));
        options.AddPolicy(OrderSubjects, RolesIn([Roles.Admin]));
        options.AddPolicy(ReadFeed, new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(CaseFlowClaims.Role, Roles.ScreeningSystem, Roles.Officer)
            .RequireClaim(CaseFlowClaims.Ori)
            .Build());

        options.FallbackPolicy = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new EndpointHasNoPolicy())
            .Build();
    }

    private static AuthorizationPolicy RolesIn(IEnumerable<string> roles) => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireClaim(CaseFlowClaims.Role, roles)
        .Build();

    /// <summary>A requirement no handler satisfies: what deny-by-default means for an endpoint without a policy.</summary>
    public sealed class EndpointHasNoPolicy : IAuthorizationRequirement;
}
